import { z } from 'zod';
import { IsoDate } from './timetable.js';

const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const DateTime = z.string().datetime({ offset: true });

/**
 * The socle commun de connaissances, de compétences et de culture (décret n° 2015-372 du
 * 31 mars 2015): five domains; the first, "les langages pour penser et communiquer", is assessed
 * in four components, the four others as a whole, which makes the eight components positioned at
 * the end of each cycle (livret scolaire unique). Labels are the official French ones; the web
 * client translates them for English readers.
 */
export const SOCLE_DOMAINS = [
  { code: 'D1', label: 'Les langages pour penser et communiquer' },
  { code: 'D2', label: 'Les méthodes et outils pour apprendre' },
  { code: 'D3', label: 'La formation de la personne et du citoyen' },
  { code: 'D4', label: 'Les systèmes naturels et les systèmes techniques' },
  { code: 'D5', label: 'Les représentations du monde et l’activité humaine' },
] as const;

export const SOCLE_COMPONENTS = [
  { code: 'D1.1', domain: 'D1', label: 'Comprendre, s’exprimer en utilisant la langue française à l’oral et à l’écrit' },
  { code: 'D1.2', domain: 'D1', label: 'Comprendre, s’exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale' },
  { code: 'D1.3', domain: 'D1', label: 'Comprendre, s’exprimer en utilisant les langages mathématiques, scientifiques et informatiques' },
  { code: 'D1.4', domain: 'D1', label: 'Comprendre, s’exprimer en utilisant les langages des arts et du corps' },
  { code: 'D2', domain: 'D2', label: 'Les méthodes et outils pour apprendre' },
  { code: 'D3', domain: 'D3', label: 'La formation de la personne et du citoyen' },
  { code: 'D4', domain: 'D4', label: 'Les systèmes naturels et les systèmes techniques' },
  { code: 'D5', domain: 'D5', label: 'Les représentations du monde et l’activité humaine' },
] as const;

export const COMPONENT_CODES = ['D1.1', 'D1.2', 'D1.3', 'D1.4', 'D2', 'D3', 'D4', 'D5'] as const;
export const ComponentCode = z.enum(COMPONENT_CODES);
export type ComponentCode = z.infer<typeof ComponentCode>;

/** The four levels of mastery of the livret scolaire, 1 (lowest) to 4. */
export const MASTERY_LEVELS = [
  { level: 1, label: 'Maîtrise insuffisante' },
  { level: 2, label: 'Maîtrise fragile' },
  { level: 3, label: 'Maîtrise satisfaisante' },
  { level: 4, label: 'Très bonne maîtrise' },
] as const;
export const MasteryLevel = z.number().int().min(1).max(4);
export type MasteryLevel = 1 | 2 | 3 | 4;

/** Cycles since 2016: 2 = CP–CE2, 3 = CM1–6e, 4 = 5e–3e. */
export const CYCLES = [
  { cycle: 2, levels: ['CP', 'CE1', 'CE2'] },
  { cycle: 3, levels: ['CM1', 'CM2', '6e'] },
  { cycle: 4, levels: ['5e', '4e', '3e'] },
] as const;
export type Cycle = 2 | 3 | 4;

// ── Establishment skills (items under a component) ──────────────────────────────────────────
export const SkillItem = z.object({
  id: z.string(),
  component: ComponentCode,
  subject: Ref.nullable(),
  label: z.string(),
  active: z.boolean(),
});
export type SkillItem = z.infer<typeof SkillItem>;
export const SkillItems = z.object({ items: z.array(SkillItem) });
export type SkillItems = z.infer<typeof SkillItems>;
export const SkillItemsQuery = z.object({ subjectId: Id.optional() });
export const NewSkillItem = z.object({
  component: ComponentCode,
  /** null: shared by every subject (the head or deputies only). */
  subjectId: Id.nullable(),
  label: z.string().trim().min(1).max(200),
});
export type NewSkillItem = z.infer<typeof NewSkillItem>;
export const SkillItemUpdate = z.object({ label: z.string().trim().min(1).max(200), active: z.boolean() });
export type SkillItemUpdate = z.infer<typeof SkillItemUpdate>;

// ── Skill assessments ────────────────────────────────────────────────────────────────────────
/** One skill assessed: a component as a whole (itemId null) or one of the establishment's skills. */
export const AssessedSkillInput = z.object({ component: ComponentCode, itemId: Id.nullable().default(null) });

export const NewSkillAssessment = z
  .object({
    groupId: Id,
    subjectId: Id,
    /** Beside a graded assessment of the same class and subject: its title, date and publication apply. */
    gradeAssessmentId: Id.nullable().default(null),
    title: z.string().trim().min(1).max(200).nullable().default(null),
    date: IsoDate.nullable().default(null),
    studentsAt: DateTime.nullable().default(null),
    relativesAt: DateTime.nullable().default(null),
    skills: z.array(AssessedSkillInput).min(1).max(30),
  })
  .superRefine((a, ctx) => {
    if (a.gradeAssessmentId === null) {
      if (a.title === null) ctx.addIssue({ code: 'custom', path: ['title'], message: 'required without a graded assessment' });
      if (a.date === null) ctx.addIssue({ code: 'custom', path: ['date'], message: 'required without a graded assessment' });
    }
    if (a.relativesAt && (a.studentsAt === null || Date.parse(a.relativesAt) < Date.parse(a.studentsAt)))
      ctx.addIssue({ code: 'custom', path: ['relativesAt'], message: 'not before the students' });
    const seen = new Set<string>();
    a.skills.forEach((s, i) => {
      const key = `${s.component}|${s.itemId ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['skills', i], message: 'duplicate' });
      seen.add(key);
    });
  });
export type NewSkillAssessment = z.input<typeof NewSkillAssessment>;

export const AssessedSkill = z.object({ id: z.string(), component: ComponentCode, item: z.object({ id: z.string(), label: z.string() }).nullable() });
export type AssessedSkill = z.infer<typeof AssessedSkill>;

export const SkillAssessment = z.object({
  id: z.string(),
  group: Ref,
  subject: Ref,
  gradeAssessmentId: z.string().nullable(),
  title: z.string(),
  date: IsoDate,
  /** The publication that applies (the graded assessment's when beside one). */
  studentsAt: z.string().nullable(),
  relativesAt: z.string().nullable(),
  skills: z.array(AssessedSkill),
});
export type SkillAssessment = z.infer<typeof SkillAssessment>;

/** A student's result on one assessed skill: a level, or absent. */
export const SkillResultValue = z.union([MasteryLevel, z.literal('absent')]);
export type SkillResultValue = z.infer<typeof SkillResultValue>;

export const SkillResults = z.object({
  results: z
    .array(z.object({ skillId: Id, studentId: Id, value: SkillResultValue.nullable() }))
    .min(1)
    .max(2000),
});
export type SkillResults = z.input<typeof SkillResults>;

export const SkillAssessmentParams = z.object({ establishmentId: Id, assessmentId: Id });
export const SkillItemParams = z.object({ establishmentId: Id, itemId: Id });

/** The teacher's grid: the students of a class or group × the skill assessments of one subject. */
export const SkillSheet = z.object({
  group: Ref,
  subject: Ref,
  canEnter: z.boolean(),
  students: z.array(z.object({ id: z.string(), displayName: z.string() })),
  assessments: z.array(SkillAssessment.extend({ results: z.record(z.string(), z.record(z.string(), SkillResultValue)) })),
  /** The graded assessments of this class and subject, to assess skills beside one. */
  gradeAssessments: z.array(z.object({ id: z.string(), title: z.string(), date: IsoDate })),
});
export type SkillSheet = z.infer<typeof SkillSheet>;
export const SkillSheetQuery = z.object({ groupId: Id, subjectId: Id, periodId: Id.optional() });

// ── Summaries ────────────────────────────────────────────────────────────────────────────────
const LevelCounts = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const ComponentSummary = z.object({
  component: ComponentCode,
  /** How many results at levels 1, 2, 3 and 4. */
  counts: LevelCounts,
  /** The rounded mean of the levels (half up); null without any level. */
  positioning: MasteryLevel.nullable(),
  results: z.array(
    z.object({ date: IsoDate, subject: z.string(), assessment: z.string(), skill: z.string().nullable(), value: SkillResultValue }),
  ),
});
export type ComponentSummary = z.infer<typeof ComponentSummary>;

export const SkillSummary = z.object({
  student: Ref,
  period: z.object({ id: z.string(), name: z.string(), startsOn: IsoDate, endsOn: IsoDate }).nullable(),
  components: z.array(ComponentSummary),
});
export type SkillSummary = z.infer<typeof SkillSummary>;
export const SkillSummaryQuery = z.object({ studentId: Id, periodId: Id.optional() });

export const CycleSummary = z.object({
  student: Ref,
  /** null when the student's class level belongs to no cycle (lycée, unknown level). */
  cycle: z.union([z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  /** The school years of the cycle in this establishment so far (2026 = 2026–2027). */
  years: z.array(z.number()),
  components: z.array(
    z.object({
      component: ComponentCode,
      counts: LevelCounts,
      positioning: MasteryLevel.nullable(),
      byYear: z.array(z.object({ year: z.number(), counts: LevelCounts, positioning: MasteryLevel.nullable() })),
    }),
  ),
});
export type CycleSummary = z.infer<typeof CycleSummary>;
export const CycleSummaryQuery = z.object({ studentId: Id });

/** The class view: students × components, each a positioning over the period. */
export const SkillClassView = z.object({
  group: Ref,
  period: SkillSummary.shape.period,
  students: z.array(z.object({ id: z.string(), displayName: z.string(), positionings: z.record(z.string(), MasteryLevel) })),
});
export type SkillClassView = z.infer<typeof SkillClassView>;
export const SkillClassQuery = z.object({ groupId: Id, periodId: Id.optional() });
