import { z } from 'zod';
import { EstablishmentType, GroupKind, PersonnelFunction, Profile } from './profiles.js';
import { PageQuery, pageOf } from './pagination.js';
import { GroupRef } from './me.js';

export const PeopleQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  profile: Profile.optional(),
  groupId: z.string().max(64).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const DirectoryPerson = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  profiles: z.array(Profile),
  functions: z.array(PersonnelFunction),
  groups: z.array(GroupRef),
  subjects: z.array(z.string()),
  /** Contact details only when the viewer may see them (staff; teachers for their pupils' relatives). */
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;
export const PeoplePage = pageOf(DirectoryPerson);
export type PeoplePage = z.infer<typeof PeoplePage>;

export const GroupsQuery = PageQuery.extend({ kind: GroupKind.optional() });
export const DirectoryGroup = GroupRef.extend({ memberCount: z.number().int() });
export const GroupsPage = pageOf(DirectoryGroup);
export type GroupsPage = z.infer<typeof GroupsPage>;

export const EstablishmentParams = z.object({ establishmentId: z.string().min(1).max(64) });
export const PersonParams = EstablishmentParams.extend({ personId: z.string().min(1).max(64) });

export const ActivationReset = z.object({ login: z.string(), activationCode: z.string(), expiresAt: z.string() });
export type ActivationReset = z.infer<typeof ActivationReset>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  targetId: z.string().nullable(),
  establishmentId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const AuditQuery = PageQuery.extend({ action: z.string().max(64).optional() });
export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

export const Establishment = z.object({
  id: z.string(),
  uai: z.string(),
  name: z.string(),
  type: EstablishmentType,
  academy: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
});
export type Establishment = z.infer<typeof Establishment>;
export const EstablishmentsQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const EstablishmentsPage = pageOf(Establishment);
export const NewEstablishment = z.object({
  uai: z.string().trim().toUpperCase().regex(/^\d{7}[A-Z]$/),
  name: z.string().trim().min(2).max(200),
  type: EstablishmentType,
  academy: z.string().trim().max(100).optional(),
  address: z.string().trim().max(300).optional(),
  postalCode: z.string().trim().regex(/^\d{5}$/).optional(),
  city: z.string().trim().max(100).optional(),
});
export type NewEstablishment = z.infer<typeof NewEstablishment>;

export const ImportSummary = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  moved: z.number().int(),
  deactivated: z.number().int(),
  conflicts: z.number().int(),
  rejected: z.number().int(),
});
export const ImportRun = z.object({
  id: z.string(),
  source: z.string(),
  status: z.string(),
  dryRun: z.boolean(),
  files: z.array(z.string()),
  summary: ImportSummary,
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** While queued or running: how far the background job got. */
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  /** When failed: the error code (translated by the client) and what the parser said. */
  error: z.object({ code: z.string(), details: z.array(z.object({ field: z.string(), issue: z.string() })) }).nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;
export const ImportRunsPage = pageOf(ImportRun);
export const ImportRunDetail = ImportRun.extend({ report: z.record(z.string(), z.unknown()) });
export const ImportRunParams = EstablishmentParams.extend({ runId: z.string().min(1).max(64) });
export const IMPORT_SOURCES = ['siecle', 'sts', 'csv', 'aaf', 'oneroster'] as const;
export const ImportUploadQuery = z.object({
  source: z.enum(IMPORT_SOURCES),
  profile: Profile.optional(),
  overrideNational: z.enum(['true', 'false']).optional(),
});
