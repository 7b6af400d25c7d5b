import type { Db } from '../../../kernel/db/database.js';

export interface LetterGroup {
  groupId: string;
  groupName: string;
  establishmentName: string;
  uai: string;
}

export interface LetterChild {
  id: string;
  firstName: string;
  lastName: string;
}

/** One letter: one account awaiting activation, with the children of this class it is linked to. */
export interface ActivationLetter {
  personId: string;
  kind: 'student' | 'relative';
  login: string;
  firstName: string;
  lastName: string;
  activationCode: string;
  expiresAt: string | null;
  /** Empty for a student; for a relative, their children in this class only (never other classes'). */
  children: LetterChild[];
}

export interface LetterBatch extends LetterGroup {
  letters: ActivationLetter[];
}

/** The group with its establishment, only when the group belongs to that establishment. */
export async function findLetterGroup(db: Db, establishmentId: string, groupId: string): Promise<LetterGroup | undefined> {
  const row = await db
    .selectFrom('groups')
    .innerJoin('establishments', 'establishments.id', 'groups.establishment_id')
    .select(['groups.id', 'groups.name', 'establishments.name as establishment_name', 'establishments.uai'])
    .where('groups.id', '=', groupId)
    .where('groups.establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row && { groupId: row.id, groupName: row.name, establishmentName: row.establishment_name, uai: row.uai };
}

/**
 * The letters of one class in two queries (students, then relative–child pairs), whatever its size.
 * Only accounts whose code can still be used: awaiting activation, with a code that has not expired
 * (printing a dead code would send families to a failing form; those accounts need a reset first).
 * Relatives are found through every student of the class, activated or not: a parent whose child
 * already activated still needs their own letter.
 */
export async function listActivationLetters(db: Db, groupId: string, nowIso: string): Promise<ActivationLetter[]> {
  const [students, pairs] = await Promise.all([
    db
      .selectFrom('group_members')
      .innerJoin('people', 'people.id', 'group_members.person_id')
      .select(['people.id', 'people.login', 'people.first_name', 'people.last_name', 'people.sort_key', 'people.activation_code', 'people.activation_expires_at'])
      .where('group_members.group_id', '=', groupId)
      .where('group_members.role', '=', 'student')
      .where('people.state', '=', 'awaiting_activation')
      .where('people.activation_code', 'is not', null)
      .where((eb) => eb.or([eb('people.activation_expires_at', 'is', null), eb('people.activation_expires_at', '>', nowIso)]))
      .execute(),
    db
      .selectFrom('group_members')
      .innerJoin('people as child', 'child.id', 'group_members.person_id')
      .innerJoin('relatives', 'relatives.student_id', 'group_members.person_id')
      .innerJoin('people', 'people.id', 'relatives.relative_id')
      .select([
        'people.id',
        'people.login',
        'people.first_name',
        'people.last_name',
        'people.sort_key',
        'people.activation_code',
        'people.activation_expires_at',
        'child.id as child_id',
        'child.first_name as child_first_name',
        'child.last_name as child_last_name',
        'child.sort_key as child_sort_key',
      ])
      .where('group_members.group_id', '=', groupId)
      .where('group_members.role', '=', 'student')
      .where('child.state', '!=', 'left')
      .where('people.state', '=', 'awaiting_activation')
      .where('people.activation_code', 'is not', null)
      .where((eb) => eb.or([eb('people.activation_expires_at', 'is', null), eb('people.activation_expires_at', '>', nowIso)]))
      .execute(),
  ]);

  // Letters are ordered family by family (a pupil, then their relatives) so that the pile can be
  // handed out child by child; a relative of two pupils comes after the first of them. Sort keys are
  // folded lower-case ASCII, so a plain comparison is stable across databases and locales.
  const sorted: { key: string[]; letter: ActivationLetter }[] = students.map((s) => ({
    key: [s.sort_key, s.id, '0'],
    letter: { ...account(s), kind: 'student', children: [] },
  }));
  const relatives = new Map<string, { sortKey: string; letter: ActivationLetter; children: { key: string[]; child: LetterChild }[] }>();
  for (const p of pairs) {
    let entry = relatives.get(p.id);
    if (!entry) relatives.set(p.id, (entry = { sortKey: p.sort_key, letter: { ...account(p), kind: 'relative', children: [] }, children: [] }));
    if (entry.children.some((c) => c.child.id === p.child_id)) continue;
    entry.children.push({ key: [p.child_sort_key, p.child_id], child: { id: p.child_id, firstName: p.child_first_name, lastName: p.child_last_name } });
  }
  for (const { sortKey, letter, children } of relatives.values()) {
    children.sort((a, b) => compareKeys(a.key, b.key));
    letter.children = children.map((c) => c.child);
    sorted.push({ key: [...(children[0]?.key ?? []), '1', sortKey, letter.personId], letter });
  }
  sorted.sort((a, b) => compareKeys(a.key, b.key));
  return sorted.map((s) => s.letter);
}

interface AccountRow {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  activation_code: string | null;
  activation_expires_at: string | null;
}

function account(r: AccountRow) {
  return {
    personId: r.id,
    login: r.login,
    firstName: r.first_name,
    lastName: r.last_name,
    activationCode: r.activation_code ?? '',
    expiresAt: r.activation_expires_at,
  };
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export async function loadLetterBatch(db: Db, group: LetterGroup, nowIso: string): Promise<LetterBatch> {
  return { ...group, letters: await listActivationLetters(db, group.groupId, nowIso) };
}
