import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { PageQuery, pageOf } from './pagination.js';

/**
 * Why two accounts are probably the same person, strongest first: the same INE; the same id of a
 * source whose ids are shared between establishments (an STS-web EPP id); the same normalised names
 * and birth date; the same normalised names and e-mail address (adults); the same normalised names
 * with the same profile in the same establishment when one of the two has no birth date (a teacher
 * created from a CSV file, then fed by STS-web).
 */
export const DUPLICATE_REASONS = ['national_id', 'shared_source_id', 'name_birth_date', 'name_email', 'name_establishment'] as const;
export const DuplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DUPLICATE_STATUSES = ['open', 'dismissed', 'merged'] as const;
export const DuplicateStatus = z.enum(DUPLICATE_STATUSES);
export type DuplicateStatus = z.infer<typeof DuplicateStatus>;

export const DuplicatePerson = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  /** Hidden (null) when the viewer does not administer every establishment of this person. */
  email: z.string().nullable(),
  /** The address exists but is not shown to this viewer. */
  emailHidden: z.boolean(),
  nationalId: z.string().nullable(),
  /** awaiting_activation, active, suspended, left, merged. */
  state: z.string(),
  /** The person chose a password: they use this login today. */
  activated: z.boolean(),
  createdAt: z.string(),
  /** Feeds that know this account (siecle, sts, csv…). */
  sources: z.array(z.string()),
  establishments: z.array(z.object({ id: z.string(), uai: z.string(), name: z.string(), profiles: z.array(z.string()) })),
});
export type DuplicatePerson = z.infer<typeof DuplicatePerson>;

export const DuplicateCandidate = z.object({
  id: z.string(),
  reason: DuplicateReason,
  status: DuplicateStatus,
  detectedAt: z.string(),
  decidedAt: z.string().nullable(),
  keptId: z.string().nullable(),
  people: z.tuple([DuplicatePerson, DuplicatePerson]),
  /** The viewer administers every establishment of both people (or is a platform administrator). */
  canDecide: z.boolean(),
  /** The account the console proposes to keep: the one in use (activated), else the older one. */
  suggestedKeepId: z.string(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicatesQuery = PageQuery.extend({ status: DuplicateStatus.default('open') });
export const DuplicatesPage = pageOf(DuplicateCandidate);
export type DuplicatesPage = z.infer<typeof DuplicatesPage>;

export const DuplicateParams = EstablishmentParams.extend({ candidateId: z.string().min(1).max(200) });
export const PlatformDuplicateParams = z.object({ candidateId: z.string().min(1).max(200) });

export const MergeDuplicate = z.object({ keepId: z.string().min(1).max(64) }).strict();
export type MergeDuplicate = z.infer<typeof MergeDuplicate>;

export const MergeResult = z.object({
  keptId: z.string(),
  retiredId: z.string(),
  login: z.string(),
  moved: z.object({
    memberships: z.number().int(),
    groups: z.number().int(),
    relatives: z.number().int(),
    teachings: z.number().int(),
    sourceIds: z.number().int(),
  }),
});
export type MergeResult = z.infer<typeof MergeResult>;

export const DetectionResult = z.object({ proposed: z.number().int() });
export type DetectionResult = z.infer<typeof DetectionResult>;
