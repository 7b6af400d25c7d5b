import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { IsoDate } from './timetable.js';

/**
 * Discipline: incidents and the measures taken. French law separates punitions scolaires (given by
 * teachers and education staff) from sanctions (pronounced by the head, or by the conseil de
 * discipline for the heaviest); the kind decides which one a measure is.
 */
const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const DateTime = z.string().datetime({ offset: true });

export const INCIDENT_ROLES = ['author', 'victim', 'witness'] as const;
export const IncidentRole = z.enum(INCIDENT_ROLES);
export type IncidentRole = z.infer<typeof IncidentRole>;

export const PUNISHMENT_KINDS = ['note', 'extra_work', 'detention', 'class_exclusion'] as const;
export const SANCTION_KINDS = ['warning', 'reprimand', 'responsibility_measure', 'temporary_class_exclusion', 'temporary_exclusion', 'permanent_exclusion'] as const;
export const MeasureKind = z.enum([...PUNISHMENT_KINDS, ...SANCTION_KINDS]);
export type MeasureKind = z.infer<typeof MeasureKind>;
export const MeasureCategory = z.enum(['punishment', 'sanction']);
export type MeasureCategory = z.infer<typeof MeasureCategory>;
/** Who pronounced it: the staff member (punishments), the head, or the conseil de discipline. */
export const MeasureAuthority = z.enum(['staff', 'head', 'council']);
export type MeasureAuthority = z.infer<typeof MeasureAuthority>;

export const IncidentType = z.object({ id: z.string(), code: z.string(), label: z.string(), active: z.boolean() });
export type IncidentType = z.infer<typeof IncidentType>;
export const IncidentTypes = z.object({ types: z.array(IncidentType) });
export type IncidentTypes = z.infer<typeof IncidentTypes>;
export const NewIncidentTypes = z.object({
  types: z
    .array(z.object({ code: z.string().trim().regex(/^[a-z0-9_]{1,40}$/), label: z.string().trim().min(1).max(80), active: z.boolean().default(true) }))
    .min(1)
    .max(50)
    .refine((list) => new Set(list.map((t) => t.code)).size === list.length, 'duplicate code'),
});
export type NewIncidentTypes = z.input<typeof NewIncidentTypes>;

export const NewIncident = z
  .object({
    typeId: Id,
    occurredAt: DateTime,
    place: z.string().trim().min(1).max(120),
    description: z.string().trim().min(1).max(5000),
    students: z.array(z.object({ studentId: Id, role: IncidentRole })).min(1).max(30),
  })
  .refine((i) => new Set(i.students.map((s) => s.studentId)).size === i.students.length, { path: ['students'], message: 'duplicate student' });
export type NewIncident = z.input<typeof NewIncident>;

const Policies = z.object({ edit: z.boolean(), publish: z.boolean() });

export const Incident = z.object({
  id: z.string(),
  type: z.object({ id: z.string(), label: z.string() }),
  occurredAt: z.string(),
  place: z.string(),
  description: z.string(),
  /** Families see only their own child here; staff see everyone involved. */
  students: z.array(z.object({ id: z.string(), name: z.string(), role: IncidentRole })),
  reportedBy: Ref.nullable(),
  publishedAt: z.string().nullable(),
  policies: Policies,
});
export type Incident = z.infer<typeof Incident>;

export const NewMeasure = z
  .object({
    studentId: Id,
    incidentId: Id.nullable().default(null),
    kind: MeasureKind,
    reason: z.string().trim().min(1).max(2000),
    decidedOn: IsoDate,
    /** Detention: when it takes place and for how long. */
    scheduledAt: DateTime.nullable().default(null),
    durationMinutes: z.number().int().min(15).max(480).nullable().default(null),
    /** Exclusions: first and last day (inclusive). */
    startsOn: IsoDate.nullable().default(null),
    endsOn: IsoDate.nullable().default(null),
    /** Sanctions only: pronounced by the head or by the conseil de discipline. */
    authority: z.enum(['head', 'council']).nullable().default(null),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'detention') {
      if (!m.scheduledAt) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'required for a detention' });
      if (!m.durationMinutes) ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'required for a detention' });
    }
    const ranged = m.kind === 'temporary_class_exclusion' || m.kind === 'temporary_exclusion';
    if (ranged) {
      if (!m.startsOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'required for an exclusion' });
      if (!m.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'required for an exclusion' });
      if (m.startsOn && m.endsOn && m.endsOn < m.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'before start' });
    }
    if (m.kind === 'class_exclusion' && !m.startsOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'the lesson’s date is required' });
  });
export type NewMeasure = z.input<typeof NewMeasure>;

export const Measure = z.object({
  id: z.string(),
  student: Ref,
  incidentId: z.string().nullable(),
  kind: MeasureKind,
  category: MeasureCategory,
  authority: MeasureAuthority,
  reason: z.string(),
  decidedOn: z.string(),
  scheduledAt: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  decidedBy: Ref.nullable(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  policies: Policies.extend({ cancel: z.boolean() }),
});
export type Measure = z.infer<typeof Measure>;

export const DisciplineList = z.object({ incidents: z.array(Incident), measures: z.array(Measure) });
export type DisciplineList = z.infer<typeof DisciplineList>;
export const DisciplineListQuery = z.object({
  studentId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const HistoryEntry = z.object({ action: z.string(), actor: Ref.nullable(), at: z.string(), details: z.record(z.string(), z.unknown()) });
export const DisciplineHistory = z.object({ entries: z.array(HistoryEntry) });
export type DisciplineHistory = z.infer<typeof DisciplineHistory>;

export const IncidentParams = EstablishmentParams.extend({ incidentId: Id });
export const MeasureParams = EstablishmentParams.extend({ measureId: Id });
