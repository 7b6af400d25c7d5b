import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { GroupRef } from './me.js';
import { PageQuery, pageOf } from './pagination.js';
import { GroupKind, PersonState, PersonnelFunction, Profile } from './profiles.js';

/** Ids in paths and bodies: Préau's own ids and the fixtures' short ones. */
const Id = z.string().min(1).max(64);

// ---- Accounts (the establishment admin's user list and a person's detail) ----

export const AdminPeopleQuery = PageQuery.extend({
  /** Name or login, case and accents ignored ("lefevre" finds Lefèvre). */
  q: z.string().trim().max(100).optional(),
  profile: Profile.optional(),
  /** A class or group of the establishment. */
  groupId: Id.optional(),
  state: PersonState.optional(),
});
export type AdminPeopleQuery = z.infer<typeof AdminPeopleQuery>;

export const AdminPerson = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  state: PersonState,
  profiles: z.array(Profile),
  functions: z.array(PersonnelFunction),
  classes: z.array(GroupRef),
});
export type AdminPerson = z.infer<typeof AdminPerson>;
export const AdminPeoplePage = pageOf(AdminPerson);
export type AdminPeoplePage = z.infer<typeof AdminPeoplePage>;

export const PersonGroup = GroupRef.extend({
  role: z.enum(['student', 'teacher']),
  headTeacher: z.boolean(),
  subjects: z.array(z.string()),
  /** The import that manages this membership (null: added by hand). */
  managedBy: z.string().nullable(),
});
export const RelatedPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  legalGuardian: z.boolean(),
  relationship: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  classes: z.array(GroupRef),
});

export const AdminPersonDetail = AdminPerson.extend({
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  nationalId: z.string().nullable(),
  /** Where the account comes from: an import (siecle, sts, csv, aaf) or a manual creation. */
  source: z.string(),
  createdAt: z.string(),
  activationExpiresAt: z.string().nullable(),
  groups: z.array(PersonGroup),
  /** For a student: their relatives. */
  relatives: z.array(RelatedPerson),
  /** For a relative: their children in this establishment. */
  children: z.array(RelatedPerson),
  /** Other establishments the person belongs to (a suspension needs their administrators too). */
  otherEstablishments: z.number().int(),
  /** What the viewer may do (the server still checks). */
  can: z.object({ reset: z.boolean(), suspend: z.boolean(), editFunctions: z.boolean() }),
});
export type AdminPersonDetail = z.infer<typeof AdminPersonDetail>;

/** Functions an establishment's administrators assign; `admin_local` is appointed by the platform. */
export const ASSIGNABLE_FUNCTIONS = ['head', 'deputy', 'cpe', 'secretary', 'documentalist', 'nurse'] as const;
export const PersonFunctionsBody = z.object({ functions: z.array(PersonnelFunction).max(10) });
export const PersonFunctions = z.object({ functions: z.array(PersonnelFunction) });

// ---- Classes and groups ----

export const GroupParams = EstablishmentParams.extend({ groupId: Id });
export const GroupPersonParams = GroupParams.extend({ personId: Id });

export const StructuresQuery = PageQuery.extend({
  kind: GroupKind.optional(),
  q: z.string().trim().max(100).optional(),
});
const ClassRef = z.object({ id: z.string(), name: z.string() });
export const Structure = GroupRef.extend({
  /** The structure code of the national import that feeds it (null: created by hand). */
  externalId: z.string().nullable(),
  /** For a teaching group: the classes it spans. */
  classes: z.array(ClassRef),
  studentCount: z.number().int(),
  teacherCount: z.number().int(),
});
export type Structure = z.infer<typeof Structure>;
export const StructuresPage = pageOf(Structure);
export type StructuresPage = z.infer<typeof StructuresPage>;

export const StructureStudent = z.object({
  id: z.string(),
  displayName: z.string(),
  login: z.string(),
  state: PersonState,
  managedBy: z.string().nullable(),
});
export const StructureTeacher = z.object({
  id: z.string(),
  displayName: z.string(),
  login: z.string(),
  subjects: z.array(z.object({ id: z.string(), name: z.string() })),
  headTeacher: z.boolean(),
  managedBy: z.string().nullable(),
});
export const StructureDetail = Structure.extend({
  students: z.array(StructureStudent),
  teachers: z.array(StructureTeacher),
});
export type StructureDetail = z.infer<typeof StructureDetail>;

const StructureName = z.string().trim().min(1).max(80);
const Level = z.string().trim().min(1).max(40);
export const NewStructure = z.object({
  kind: GroupKind,
  name: StructureName,
  /** Classes only ("5e", "2nde"). */
  level: Level.optional(),
  /** Teaching groups only: the classes the group spans. */
  classIds: z.array(Id).max(50).optional(),
});
export type NewStructure = z.infer<typeof NewStructure>;
export const StructurePatch = z
  .object({ name: StructureName.optional(), level: Level.nullable().optional(), classIds: z.array(Id).max(50).optional() })
  .refine((p) => p.name !== undefined || p.level !== undefined || p.classIds !== undefined, { message: 'empty' });
export type StructurePatch = z.infer<typeof StructurePatch>;

export const AddStudents = z.object({ personIds: z.array(Id).min(1).max(200) });
export const AttachTeacher = z.object({ personId: Id, subjectId: Id, headTeacher: z.boolean().optional() });
export const TeacherPatch = z.object({ headTeacher: z.boolean() });
export const Subject = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const SubjectsList = z.object({ items: z.array(Subject) });
export const NewSubject = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{1,20}$/),
  name: z.string().trim().min(2).max(80),
});

// ---- Services shown to each profile ----

export const ServiceSetting = z.object({ id: z.string(), path: z.string(), visible: z.boolean() });
export const ProfileServices = z.object({ profile: Profile, services: z.array(ServiceSetting) });
export const ServiceSettings = z.object({ profiles: z.array(ProfileServices) });
export type ServiceSettings = z.infer<typeof ServiceSettings>;
export const ProfileParams = EstablishmentParams.extend({ profile: Profile });
export const HiddenServicesBody = z.object({ hidden: z.array(z.string().min(1).max(40)).max(50) });

// ---- Establishment administrators, appointed by the platform ----

export const EstablishmentAdmin = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  state: PersonState,
  profiles: z.array(Profile),
});
export type EstablishmentAdmin = z.infer<typeof EstablishmentAdmin>;
export const EstablishmentAdmins = z.object({
  establishment: z.object({ id: z.string(), uai: z.string(), name: z.string() }),
  items: z.array(EstablishmentAdmin),
});
export type EstablishmentAdminsList = z.infer<typeof EstablishmentAdmins>;
export const AppointAdmin = z.object({ personId: Id });
