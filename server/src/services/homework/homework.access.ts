import { type Actor, holdsProfile } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { readsWholeEstablishment } from './homework.policy.js';

/** How a reader relates to a group: sees every item (teachers, management, inspectors) or only theirs. */
export interface GroupAccess {
  group: { id: string; name: string; kind: string };
  /** Teachers of the class, head, deputies, inspectors: every homework item, every target. */
  staffView: boolean;
  /** The people whose individual work the reader sees: themselves and their children in the group. */
  audience: string[];
  /** Subjects the reader may fill in for this group. */
  writableSubjects: string[];
}

/**
 * Checks in one statement per question that the actor may read this group's cahier de textes:
 * head, deputies and inspectors of the establishment; teachers of the group; its students; their
 * relatives. Anyone else is refused; a group of another establishment does not exist.
 */
export async function groupAccess(db: Db, actor: Actor, establishmentId: string, groupId: string): Promise<GroupAccess> {
  const group = await db.selectFrom('groups').select(['id', 'name', 'kind']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  const whole = readsWholeEstablishment(actor, establishmentId);
  const [teaches, writes, members] = await Promise.all([
    holdsProfile(actor, establishmentId, 'teacher')
      ? db
          .selectFrom('group_members')
          .select('person_id')
          .where('group_id', '=', groupId)
          .where('person_id', '=', actor.personId)
          .where('role', '=', 'teacher')
          .union(db.selectFrom('teachings').select('person_id').where('group_id', '=', groupId).where('person_id', '=', actor.personId))
          .executeTakeFirst()
      : undefined,
    holdsProfile(actor, establishmentId, 'teacher') ? writableSubjects(db, actor.personId, groupId) : [],
    holdsProfile(actor, establishmentId, 'student', 'relative')
      ? db
          .selectFrom('group_members')
          .select('person_id')
          .where('group_id', '=', groupId)
          .where('role', '=', 'student')
          .where((eb) => eb.or([eb('person_id', '=', actor.personId), eb('person_id', 'in', eb.selectFrom('relatives').select('student_id').where('relative_id', '=', actor.personId))]))
          .execute()
      : [],
  ]);
  const staffView = whole || teaches !== undefined;
  if (!staffView && members.length === 0) throw forbidden('homework.not_visible');
  return { group, staffView, audience: members.map((m) => m.person_id), writableSubjects: writes };
}

export async function writableSubjects(db: Db, personId: string, groupId: string): Promise<string[]> {
  const rows = await db.selectFrom('teachings').select('subject_id').where('group_id', '=', groupId).where('person_id', '=', personId).execute();
  return rows.map((r) => r.subject_id);
}

export async function requireWriter(db: Db, actor: Actor, establishmentId: string, groupId: string, subjectId: string): Promise<void> {
  const group = await db.selectFrom('groups').select('id').where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  if (!(await writableSubjects(db, actor.personId, groupId)).includes(subjectId)) throw forbidden('homework.not_writer');
}
