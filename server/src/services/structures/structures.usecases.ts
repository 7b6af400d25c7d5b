import type { GroupKind, NewStructure, PersonState, StructureDetail, StructurePatch } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { recordAudit } from '../audit/index.js';
import { displayName } from '../directory/index.js';
import { classesAmong, findStructure, findSubject, holdersOf, membersOf, nameTaken, spannedClasses } from './structures.queries.js';

type Row = NonNullable<Awaited<ReturnType<typeof findStructure>>>;
type Classes = { id: string; name: string }[];

export function presentStructure(r: Row, classes: Classes) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as GroupKind,
    level: r.level,
    externalId: r.external_id,
    classes,
    studentCount: Number(r.student_count ?? 0),
    teacherCount: Number(r.teacher_count ?? 0),
  };
}

async function requireStructure(ctx: AppContext, establishmentId: string, groupId: string) {
  const row = await findStructure(ctx.db, establishmentId, groupId);
  if (!row) throw notFound('directory.group_not_found');
  return row;
}

export async function structureDetail(ctx: AppContext, establishmentId: string, groupId: string): Promise<StructureDetail> {
  const row = await requireStructure(ctx, establishmentId, groupId);
  const [classes, { members, teachings }] = await Promise.all([spannedClasses(ctx.db, [groupId]), membersOf(ctx.db, groupId)]);
  return {
    ...presentStructure(row, classes.get(groupId) ?? []),
    students: members
      .filter((m) => m.role === 'student')
      .map((m) => ({ id: m.id, displayName: displayName(m.first_name, m.last_name), login: m.login, state: m.state as PersonState, managedBy: m.source ?? null })),
    teachers: members
      .filter((m) => m.role === 'teacher')
      .map((m) => ({
        id: m.id,
        displayName: displayName(m.first_name, m.last_name),
        login: m.login,
        subjects: teachings.filter((t) => t.person_id === m.id).map((t) => ({ id: t.id, name: t.name })),
        headTeacher: m.head_teacher === 1,
        managedBy: m.source ?? null,
      })),
  };
}

/** Level belongs to classes and spanned classes to teaching groups: anything else is refused, not ignored. */
async function checkShape(ctx: AppContext, establishmentId: string, kind: string, fields: { level?: string | null; classIds?: string[] }) {
  if (fields.level && kind !== 'class') throw badRequest('validation.failed', [{ field: 'body.level', issue: 'classes_only' }]);
  if (fields.classIds === undefined) return;
  if (kind !== 'teaching_group' && fields.classIds.length > 0) throw badRequest('validation.failed', [{ field: 'body.classIds', issue: 'teaching_groups_only' }]);
  const found = await classesAmong(ctx.db, establishmentId, fields.classIds);
  const wrong = fields.classIds.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id));
  if (wrong.length) throw badRequest('structures.invalid_classes', wrong.map(({ i }) => ({ field: `body.classIds.${i}`, issue: 'not_a_class' })));
}

export async function createStructure(ctx: AppContext, actor: Actor, establishmentId: string, body: NewStructure, ip: string) {
  await checkShape(ctx, establishmentId, body.kind, body);
  if (await nameTaken(ctx.db, establishmentId, body.kind, body.name)) throw new AppError('structures.name_taken', 409, [{ field: 'body.name', issue: 'taken' }]);
  const id = newId(ctx.clock.now().getTime());
  const classIds = [...new Set(body.classIds ?? [])];
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('groups').values({ id, establishment_id: establishmentId, external_id: null, kind: body.kind, name: body.name, level: body.kind === 'class' ? (body.level ?? null) : null }).execute();
    if (classIds.length) await trx.insertInto('group_classes').values(classIds.map((class_id) => ({ group_id: id, class_id }))).execute();
  });
  await recordAudit(ctx.db, ctx.clock, { action: 'structures.created', actorId: actor.personId, targetId: id, establishmentId, ip, details: { kind: body.kind, name: body.name } });
  return structureDetail(ctx, establishmentId, id);
}

/** A structure fed by an import keeps its code: the next import finds it again (and may rename it back). */
export async function updateStructure(ctx: AppContext, actor: Actor, establishmentId: string, groupId: string, patch: StructurePatch, ip: string) {
  const row = await requireStructure(ctx, establishmentId, groupId);
  await checkShape(ctx, establishmentId, row.kind, patch);
  if (patch.classIds?.includes(groupId)) throw badRequest('structures.invalid_classes', [{ field: 'body.classIds', issue: 'self' }]);
  if (patch.name !== undefined && (await nameTaken(ctx.db, establishmentId, row.kind, patch.name, groupId))) {
    throw new AppError('structures.name_taken', 409, [{ field: 'body.name', issue: 'taken' }]);
  }
  const set: { name?: string; level?: string | null } = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.level !== undefined) set.level = patch.level;
  const classIds = patch.classIds === undefined ? undefined : [...new Set(patch.classIds)];
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(set).length) await trx.updateTable('groups').set(set).where('id', '=', groupId).execute();
    if (classIds) {
      await trx.deleteFrom('group_classes').where('group_id', '=', groupId).execute();
      if (classIds.length) await trx.insertInto('group_classes').values(classIds.map((class_id) => ({ group_id: groupId, class_id }))).execute();
    }
  });
  await recordAudit(ctx.db, ctx.clock, {
    action: 'structures.updated',
    actorId: actor.personId,
    targetId: groupId,
    establishmentId,
    ip,
    details: { from: { name: row.name, level: row.level }, to: { ...set, ...(classIds ? { classIds } : {}) }, imported: row.external_id !== null },
  });
  return structureDetail(ctx, establishmentId, groupId);
}

/** Only an empty structure goes: deleting a class full of pupils by mistake cannot be undone. */
export async function deleteStructure(ctx: AppContext, actor: Actor, establishmentId: string, groupId: string, ip: string) {
  const row = await requireStructure(ctx, establishmentId, groupId);
  const taught = await ctx.db.selectFrom('teachings').select('group_id').where('group_id', '=', groupId).limit(1).executeTakeFirst();
  if (Number(row.student_count) + Number(row.teacher_count) > 0 || taught) throw new AppError('structures.not_empty', 409);
  await ctx.db.deleteFrom('groups').where('id', '=', groupId).where('establishment_id', '=', establishmentId).execute();
  await recordAudit(ctx.db, ctx.clock, { action: 'structures.deleted', actorId: actor.personId, targetId: groupId, establishmentId, ip, details: { kind: row.kind, name: row.name, externalId: row.external_id } });
}

/**
 * Adds students; in a class this is a move: a student has one class, so the other classes of this
 * establishment are left (an import that feeds the old class may put them back on its next run).
 */
export async function addStudents(ctx: AppContext, actor: Actor, establishmentId: string, groupId: string, personIds: string[], ip: string) {
  const row = await requireStructure(ctx, establishmentId, groupId);
  const ids = [...new Set(personIds)];
  const students = await holdersOf(ctx.db, establishmentId, 'student', ids);
  const wrong = personIds.map((id, i) => ({ id, i })).filter(({ id }) => !students.has(id));
  if (wrong.length) throw badRequest('structures.invalid_member', wrong.map(({ i }) => ({ field: `body.personIds.${i}`, issue: 'not_a_student' })));
  const movedFrom = await ctx.db.transaction().execute(async (trx) => {
    let moved: { person_id: string; group_id: string }[] = [];
    if (row.kind === 'class') {
      moved = await trx
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .select(['group_members.person_id', 'group_members.group_id'])
        .where('groups.establishment_id', '=', establishmentId)
        .where('groups.kind', '=', 'class')
        .where('groups.id', '!=', groupId)
        .where('group_members.role', '=', 'student')
        .where('group_members.person_id', 'in', ids)
        .execute();
      if (moved.length) {
        await trx
          .deleteFrom('group_members')
          .where('role', '=', 'student')
          .where((eb) => eb(eb.refTuple('group_id', 'person_id'), 'in', moved.map((m) => eb.tuple(m.group_id, m.person_id))))
          .execute();
      }
    }
    await trx
      .insertInto('group_members')
      .values(ids.map((person_id) => ({ group_id: groupId, person_id, role: 'student', head_teacher: 0, source: null })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    return moved;
  });
  await recordAudit(ctx.db, ctx.clock, {
    action: 'structures.students.added',
    actorId: actor.personId,
    targetId: groupId,
    establishmentId,
    ip,
    details: { personIds: ids, movedFrom },
  });
  return structureDetail(ctx, establishmentId, groupId);
}

export async function removeMember(ctx: AppContext, actor: Actor, establishmentId: string, groupId: string, personId: string, role: 'student' | 'teacher', ip: string) {
  await requireStructure(ctx, establishmentId, groupId);
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('group_members').where('group_id', '=', groupId).where('person_id', '=', personId).where('role', '=', role).executeTakeFirst();
    if (role === 'teacher') await trx.deleteFrom('teachings').where('group_id', '=', groupId).where('person_id', '=', personId).execute();
    return Number(result.numDeletedRows);
  });
  if (removed === 0) throw notFound('structures.member_not_found');
  await recordAudit(ctx.db, ctx.clock, { action: `structures.${role}s.removed`, actorId: actor.personId, targetId: groupId, establishmentId, ip, details: { personId } });
  return structureDetail(ctx, establishmentId, groupId);
}

/** A teacher joins the group with the subject they teach there (and may be its head teacher if it is a class). */
export async function attachTeacher(
  ctx: AppContext,
  actor: Actor,
  establishmentId: string,
  groupId: string,
  body: { personId: string; subjectId: string; headTeacher?: boolean },
  ip: string,
) {
  const row = await requireStructure(ctx, establishmentId, groupId);
  if (body.headTeacher && row.kind !== 'class') throw badRequest('structures.head_teacher_class_only', [{ field: 'body.headTeacher', issue: 'classes_only' }]);
  const [teachers, subject] = await Promise.all([holdersOf(ctx.db, establishmentId, 'teacher', [body.personId]), findSubject(ctx.db, establishmentId, body.subjectId)]);
  if (!teachers.has(body.personId)) throw badRequest('structures.invalid_member', [{ field: 'body.personId', issue: 'not_a_teacher' }]);
  if (!subject) throw badRequest('structures.subject_not_found', [{ field: 'body.subjectId', issue: 'not_found' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const member = { group_id: groupId, person_id: body.personId, role: 'teacher', head_teacher: body.headTeacher ? 1 : 0, source: null };
    await trx
      .insertInto('group_members')
      .values(member)
      .onConflict((oc) => (body.headTeacher === undefined ? oc.doNothing() : oc.columns(['group_id', 'person_id', 'role']).doUpdateSet({ head_teacher: member.head_teacher })))
      .execute();
    await trx.insertInto('teachings').values({ group_id: groupId, person_id: body.personId, subject_id: subject.id, source: null }).onConflict((oc) => oc.doNothing()).execute();
  });
  await recordAudit(ctx.db, ctx.clock, {
    action: 'structures.teachers.attached',
    actorId: actor.personId,
    targetId: groupId,
    establishmentId,
    ip,
    details: { personId: body.personId, subjectId: subject.id, headTeacher: body.headTeacher ?? null },
  });
  return structureDetail(ctx, establishmentId, groupId);
}

/** Professeur principal: a class may have several (two is common in 3e and terminale). */
export async function setHeadTeacher(ctx: AppContext, actor: Actor, establishmentId: string, groupId: string, personId: string, headTeacher: boolean, ip: string) {
  const row = await requireStructure(ctx, establishmentId, groupId);
  if (row.kind !== 'class') throw badRequest('structures.head_teacher_class_only', [{ field: 'body.headTeacher', issue: 'classes_only' }]);
  const result = await ctx.db
    .updateTable('group_members')
    .set({ head_teacher: headTeacher ? 1 : 0 })
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .where('role', '=', 'teacher')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('structures.member_not_found');
  await recordAudit(ctx.db, ctx.clock, { action: 'structures.head_teacher.set', actorId: actor.personId, targetId: groupId, establishmentId, ip, details: { personId, headTeacher } });
  return structureDetail(ctx, establishmentId, groupId);
}

export async function createSubject(ctx: AppContext, actor: Actor, establishmentId: string, body: { code: string; name: string }, ip: string) {
  const existing = await ctx.db.selectFrom('subjects').select('id').where('establishment_id', '=', establishmentId).where('code', '=', body.code).executeTakeFirst();
  if (existing) throw new AppError('structures.subject_exists', 409, [{ field: 'body.code', issue: 'taken' }]);
  const subject = { id: newId(ctx.clock.now().getTime()), establishment_id: establishmentId, code: body.code, name: body.name };
  await ctx.db.insertInto('subjects').values(subject).execute();
  await recordAudit(ctx.db, ctx.clock, { action: 'structures.subject.created', actorId: actor.personId, targetId: subject.id, establishmentId, ip, details: { code: body.code } });
  return { id: subject.id, code: subject.code, name: subject.name };
}
