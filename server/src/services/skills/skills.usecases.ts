import type { NewSkillAssessment, SkillAssessment, SkillResults } from '@preau/contracts';
import { NewSkillAssessment as NewSkillAssessmentSchema, SkillResults as SkillResultsSchema } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { requireSubject } from '../grades/index.js';
import { requireSkillsTeacher } from './skills.access.js';
import { announceDueSkills } from './skills.publication.js';
import { readAssessments } from './skills.read.js';

const iso = (at: string | null | undefined) => (at ? new Date(at).toISOString() : null);
const skillKey = (s: { component: string; itemId?: string | null; item_id?: string | null }) => `${s.component}|${s.itemId ?? s.item_id ?? ''}`;

type Input = ReturnType<typeof NewSkillAssessmentSchema.parse>;

/**
 * Checks what the assessment refers to: the graded assessment (same establishment, class and
 * subject) whose title and date it takes by default, and the establishment's skills (active, of
 * the chosen component, of this subject or shared). Returns the title and date to store.
 */
async function checkReferences(db: Db, establishmentId: string, input: Input): Promise<{ title: string; date: string }> {
  let title = input.title;
  let date = input.date;
  if (input.gradeAssessmentId) {
    const graded = await db
      .selectFrom('grade_assessments')
      .select(['group_id', 'subject_id', 'title', 'date'])
      .where('id', '=', input.gradeAssessmentId)
      .where('establishment_id', '=', establishmentId)
      .executeTakeFirst();
    if (!graded) throw notFound('grades.assessment_not_found');
    if (graded.group_id !== input.groupId || graded.subject_id !== input.subjectId) throw badRequest('skills.grade_assessment_mismatch', [{ field: 'body.gradeAssessmentId', issue: 'other class or subject' }]);
    title ??= graded.title;
    date ??= graded.date;
  }
  const itemIds = input.skills.flatMap((s) => (s.itemId ? [s.itemId] : []));
  if (itemIds.length > 0) {
    const items = await db.selectFrom('skill_items').select(['id', 'component', 'subject_id', 'active']).where('establishment_id', '=', establishmentId).where('id', 'in', itemIds).execute();
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const [index, skill] of input.skills.entries()) {
      if (!skill.itemId) continue;
      const item = byId.get(skill.itemId);
      if (!item) throw badRequest('skills.item_not_found', [{ field: `body.skills.${index}.itemId`, issue: 'unknown' }]);
      if (item.component !== skill.component || (item.subject_id !== null && item.subject_id !== input.subjectId) || item.active !== 1)
        throw badRequest('skills.item_component_mismatch', [{ field: `body.skills.${index}.itemId`, issue: 'other component or subject, or inactive' }]);
    }
  }
  return { title: title as string, date: date as string };
}

/** Creates a skill assessment (alone, or beside a graded assessment of the same class and subject); announced at once when already due. */
export async function createSkillAssessment(ctx: AppContext, actor: Actor, establishmentId: string, body: NewSkillAssessment): Promise<SkillAssessment> {
  const input = NewSkillAssessmentSchema.parse(body);
  await requireSubject(ctx.db, establishmentId, input.subjectId);
  await requireSkillsTeacher(ctx.db, actor, establishmentId, input.groupId, input.subjectId);
  const { title, date } = await checkReferences(ctx.db, establishmentId, input);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('skill_assessments')
      .values({
        id,
        establishment_id: establishmentId,
        group_id: input.groupId,
        subject_id: input.subjectId,
        grade_assessment_id: input.gradeAssessmentId,
        author_id: actor.personId,
        title,
        date,
        // Beside a graded assessment its own times apply: nothing to keep in step here.
        students_at: input.gradeAssessmentId ? null : iso(input.studentsAt),
        relatives_at: input.gradeAssessmentId ? null : iso(input.relativesAt),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('skill_assessment_skills')
      .values(input.skills.map((s, position) => ({ id: newId(now.getTime()), assessment_id: id, component: s.component, item_id: s.itemId, position })))
      .execute();
    await announceDueSkills(trx, ctx.clock, [id]);
  });
  return readOne(ctx.db, establishmentId, id);
}

async function readOne(db: Db, establishmentId: string, id: string): Promise<SkillAssessment> {
  const [assessment] = await readAssessments(db, (q) => q.where('a.id', '=', id).where('a.establishment_id', '=', establishmentId));
  if (!assessment) throw notFound('skills.assessment_not_found');
  return assessment;
}

/** The assessment if the actor teaches its subject in its group (404 in another establishment). */
async function ownAssessment(db: Db, actor: Actor, establishmentId: string, assessmentId: string) {
  const row = await db.selectFrom('skill_assessments').select(['id', 'group_id', 'subject_id']).where('id', '=', assessmentId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('skills.assessment_not_found');
  await requireSkillsTeacher(db, actor, establishmentId, row.group_id, row.subject_id);
  return row;
}

/**
 * Edits an assessment (not its class or subject). The skills kept keep their results; a skill
 * taken out loses its results with it; new ones start empty.
 */
export async function updateSkillAssessment(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string, body: NewSkillAssessment): Promise<SkillAssessment> {
  const input = NewSkillAssessmentSchema.parse(body);
  const row = await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  if (input.groupId !== row.group_id || input.subjectId !== row.subject_id) throw badRequest('validation.failed', [{ field: 'body.groupId', issue: 'cannot change' }]);
  const { title, date } = await checkReferences(ctx.db, establishmentId, input);
  const now = ctx.clock.now();
  const existing = await ctx.db.selectFrom('skill_assessment_skills').select(['id', 'component', 'item_id']).where('assessment_id', '=', assessmentId).execute();
  const kept = new Map(existing.map((s) => [skillKey(s), s.id]));
  const wanted = new Set(input.skills.map(skillKey));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('skill_assessments')
      .set({
        grade_assessment_id: input.gradeAssessmentId,
        title,
        date,
        students_at: input.gradeAssessmentId ? null : iso(input.studentsAt),
        relatives_at: input.gradeAssessmentId ? null : iso(input.relativesAt),
        updated_at: now.toISOString(),
      })
      .where('id', '=', assessmentId)
      .execute();
    const removed = existing.filter((s) => !wanted.has(skillKey(s))).map((s) => s.id);
    if (removed.length > 0) await trx.deleteFrom('skill_assessment_skills').where('id', 'in', removed).execute();
    for (const [position, s] of input.skills.entries()) {
      const id = kept.get(skillKey(s));
      if (id) await trx.updateTable('skill_assessment_skills').set({ position }).where('id', '=', id).execute();
      else await trx.insertInto('skill_assessment_skills').values({ id: newId(now.getTime()), assessment_id: assessmentId, component: s.component, item_id: s.itemId, position }).execute();
    }
    // Moving the publication time earlier publishes it now.
    await announceDueSkills(trx, ctx.clock, [assessmentId]);
  });
  return readOne(ctx.db, establishmentId, assessmentId);
}

export async function deleteSkillAssessment(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string): Promise<void> {
  await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  await ctx.db.deleteFrom('skill_assessments').where('id', '=', assessmentId).execute();
}

/**
 * Enters (or clears, with a null value) results for several students and skills in one
 * transaction: set-based checks that the skills are this assessment's and the students its
 * group's, one multi-row upsert, one delete for the cleared ones.
 */
export async function enterSkillResults(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string, body: SkillResults): Promise<void> {
  const input = SkillResultsSchema.parse(body);
  const assessment = await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  const keys = input.results.map((r) => `${r.skillId}|${r.studentId}`);
  const duplicate = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (duplicate >= 0) throw badRequest('validation.failed', [{ field: `body.results.${duplicate}`, issue: 'duplicate' }]);
  const skillIds = [...new Set(input.results.map((r) => r.skillId))];
  const studentIds = [...new Set(input.results.map((r) => r.studentId))];
  const [skills, members] = await Promise.all([
    ctx.db.selectFrom('skill_assessment_skills').select('id').where('assessment_id', '=', assessmentId).where('id', 'in', skillIds).execute(),
    ctx.db.selectFrom('group_members').select('person_id').where('group_id', '=', assessment.group_id).where('role', '=', 'student').where('person_id', 'in', studentIds).execute(),
  ]);
  const ownSkills = new Set(skills.map((s) => s.id));
  const badSkill = input.results.findIndex((r) => !ownSkills.has(r.skillId));
  if (badSkill >= 0) throw badRequest('skills.invalid_skills', [{ field: `body.results.${badSkill}.skillId`, issue: 'not in the assessment' }]);
  const inGroup = new Set(members.map((m) => m.person_id));
  const outside = input.results.findIndex((r) => !inGroup.has(r.studentId));
  if (outside >= 0) throw badRequest('skills.invalid_students', [{ field: `body.results.${outside}.studentId`, issue: 'not in the group' }]);

  const now = ctx.clock.now().toISOString();
  const kept = input.results.filter((r) => r.value !== null);
  const cleared = input.results.filter((r) => r.value === null);
  await ctx.db.transaction().execute(async (trx) => {
    // One delete per skill, whatever the number of students cleared.
    for (const skillId of new Set(cleared.map((r) => r.skillId))) {
      const students = cleared.filter((r) => r.skillId === skillId).map((r) => r.studentId);
      await trx.deleteFrom('skill_results').where('skill_id', '=', skillId).where('student_id', 'in', students).execute();
    }
    for (let i = 0; i < kept.length; i += 500) {
      await trx
        .insertInto('skill_results')
        .values(
          kept.slice(i, i + 500).map((r) => ({
            skill_id: r.skillId,
            student_id: r.studentId,
            level: r.value === 'absent' ? null : r.value,
            absent: r.value === 'absent' ? 1 : 0,
            updated_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['skill_id', 'student_id']).doUpdateSet((eb) => ({ level: eb.ref('excluded.level'), absent: eb.ref('excluded.absent'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .execute();
    }
  });
}
