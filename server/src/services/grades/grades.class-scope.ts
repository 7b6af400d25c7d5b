import type { Actor } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { seesWholeEstablishment } from './grades.policy.js';

/**
 * A class as a whole (coefficients, the conseil de classe's table): its students, and every group
 * one of them belongs to (the class itself, language and option groups), as subqueries so that the
 * callers stay set-wise.
 */
export const classStudentIds = (db: Db, classId: string) => db.selectFrom('group_members').select('person_id').where('group_id', '=', classId).where('role', '=', 'student');

export const classGroupIds = (db: Db, classId: string) =>
  db.selectFrom('group_members').select('group_id').where('role', '=', 'student').where('person_id', 'in', classStudentIds(db, classId));

/** A class of this establishment: 404 when it is not there, 400 for a group that is not a class. */
export async function requireClass(db: Db, establishmentId: string, groupId: string): Promise<{ id: string; name: string }> {
  const group = await db.selectFrom('groups').select(['id', 'name', 'kind']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  if (group.kind !== 'class') throw badRequest('grades.class_only', [{ field: 'query.groupId', issue: 'not a class' }]);
  return { id: group.id, name: group.name };
}

/** Who reads a whole class's averages: the head and deputies (everything), its head teachers (what is published, and their own subjects). */
export type ClassReader = 'staff' | 'head_teacher';

export async function requireClassReader(db: Db, actor: Actor, establishmentId: string, groupId: string): Promise<{ group: { id: string; name: string }; reader: ClassReader }> {
  const group = await requireClass(db, establishmentId, groupId);
  if (seesWholeEstablishment(actor, establishmentId)) return { group, reader: 'staff' };
  const head = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .where('person_id', '=', actor.personId)
    .where('role', '=', 'teacher')
    .where('head_teacher', '=', 1)
    .executeTakeFirst();
  if (!head) throw forbidden('grades.not_visible');
  return { group, reader: 'head_teacher' };
}

/** The classes whose averages the actor opens: all of them for the head and deputies, those they are head teacher of otherwise. */
export async function readableClasses(db: Db, actor: Actor, establishmentId: string): Promise<{ classes: { id: string; name: string }[] }> {
  let query = db.selectFrom('groups as g').select(['g.id', 'g.name']).where('g.establishment_id', '=', establishmentId).where('g.kind', '=', 'class');
  if (!seesWholeEstablishment(actor, establishmentId)) {
    query = query.where(
      'g.id',
      'in',
      db.selectFrom('group_members').select('group_id').where('person_id', '=', actor.personId).where('role', '=', 'teacher').where('head_teacher', '=', 1),
    );
  }
  return { classes: await query.orderBy('g.name').orderBy('g.id').execute() };
}
