import { z } from 'zod';
import { PageQuery, pageOf } from './pagination.js';
import { GroupKind, PROFILES, Profile } from './profiles.js';

/**
 * Whom a sender may start a conversation with, per establishment. A rule is "people of profile P may
 * write to target T"; targets are either a whole profile of the establishment (`all.teacher`) or a
 * relation to the sender (their teachers, classmates, children…).
 */
export const RELATION_TARGETS = [
  /** Teachers of the sender's classes and groups, and of their children's. */
  'own_teachers',
  /** Students sharing a class or group with the sender. */
  'classmates',
  /** The sender's own relatives (a student's parents). */
  'own_relatives',
  /** The sender's children. */
  'children',
  /** Relatives of the students the sender teaches. */
  'pupils_relatives',
  /** Relatives of the classmates of the sender or of the sender's children (other parents). */
  'classmates_relatives',
] as const;
export const PROFILE_TARGETS = PROFILES.map((p) => `all.${p}` as const);
export const COMMUNICATION_TARGETS = [...PROFILE_TARGETS, ...RELATION_TARGETS] as const;
export type CommunicationTarget = `all.${Profile}` | (typeof RELATION_TARGETS)[number];
export const CommunicationTarget = z.enum(COMMUNICATION_TARGETS as unknown as [CommunicationTarget, ...CommunicationTarget[]]);

const Targets = z.array(CommunicationTarget).max(COMMUNICATION_TARGETS.length);
/** One list of targets per sender profile. */
export const CommunicationRules = z.object({
  student: Targets,
  relative: Targets,
  teacher: Targets,
  personnel: Targets,
  agent: Targets,
  tutor: Targets,
  inspector: Targets,
  guest: Targets,
});
export type CommunicationRules = z.infer<typeof CommunicationRules>;

export const CommunicationRulesView = z.object({
  /** False while the establishment uses Préau's defaults. */
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  rules: CommunicationRules,
  defaults: CommunicationRules,
});
export type CommunicationRulesView = z.infer<typeof CommunicationRulesView>;

export const RecipientPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  profiles: z.array(Profile),
  /** What tells two homonyms apart: a student's class, a relative's children. */
  detail: z.string().nullable(),
});
export type RecipientPerson = z.infer<typeof RecipientPerson>;

/** A class or group as a whole (`group`), or the relatives of its students (`group_relatives`). */
export const RecipientGroup = z.object({
  type: z.enum(['group', 'group_relatives']),
  id: z.string(),
  name: z.string(),
  kind: GroupKind,
  memberCount: z.number().int(),
});
export type RecipientGroup = z.infer<typeof RecipientGroup>;

export const RecipientsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const RecipientsResult = z.object({ people: z.array(RecipientPerson), groups: z.array(RecipientGroup) });
export type RecipientsResult = z.infer<typeof RecipientsResult>;

export const PreviewQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const CommunicationPreview = z.object({
  person: z.object({ id: z.string(), displayName: z.string(), profiles: z.array(Profile) }),
  /** How many people of each profile the person may write to. */
  counts: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  groups: z.array(RecipientGroup),
  people: pageOf(RecipientPerson),
});
export type CommunicationPreview = z.infer<typeof CommunicationPreview>;
