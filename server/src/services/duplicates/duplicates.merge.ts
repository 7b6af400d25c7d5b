import type { MergeResult } from '@preau/contracts';
import { sql } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { detectDuplicates } from './duplicates.detect.js';
import { RETIRED_STATES } from './duplicates.keys.js';

/** Sources of the national information systems: an account one of them feeds stays fed by it. */
const NATIONAL_SOURCES = ['siecle', 'sts', 'aaf'];

const PERSON_COLUMNS = ['id', 'login', 'source', 'state', 'birth_date', 'first_names', 'email', 'email_set_by_user', 'phone', 'national_id', 'platform_admin'] as const;
type MergedPerson = Awaited<ReturnType<typeof loadPair>>[number];

function loadPair(trx: Db, ids: string[]) {
  return trx.selectFrom('people').select(PERSON_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * What the kept account takes from the retired one: only what it lacks. Its login, password,
 * sessions and an e-mail its owner chose stay; an e-mail the other account's owner chose wins over
 * one a feed wrote; a national source's feeding wins over a CSV's (source priority).
 */
function fieldsTaken(kept: MergedPerson, retired: MergedPerson) {
  const set: Record<string, string | number | null> = {};
  if (!kept.national_id && retired.national_id) set.national_id = retired.national_id;
  if (!kept.birth_date && retired.birth_date) set.birth_date = retired.birth_date;
  if (!kept.first_names && retired.first_names) set.first_names = retired.first_names;
  if (!kept.phone && retired.phone) set.phone = retired.phone;
  if (!kept.email_set_by_user && retired.email_set_by_user && retired.email) {
    set.email = retired.email;
    set.email_set_by_user = 1;
  } else if (!kept.email && retired.email) set.email = retired.email;
  if (!NATIONAL_SOURCES.includes(kept.source) && NATIONAL_SOURCES.includes(retired.source)) set.source = retired.source;
  // Only a platform administrator merges such an account (see the use case): the person stays one.
  if (retired.platform_admin === 1) set.platform_admin = 1;
  return set;
}

const keptParam = (id: string) => sql<string>`cast(${id} as text)`;
const inserted = (r: { numInsertedOrUpdatedRows?: bigint }[]) => r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0n), 0);

/** Moves the retired account's memberships, functions, classes and teachings; returns the counts. */
async function moveMemberships(trx: Db, keptId: string, retiredId: string) {
  const memberships = await trx
    .insertInto('memberships')
    .columns(['person_id', 'establishment_id', 'profile', 'source'])
    .expression((eb) => eb.selectFrom('memberships').select([keptParam(keptId).as('person_id'), 'establishment_id', 'profile', 'source']).where('person_id', '=', retiredId))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto('person_functions')
    .columns(['person_id', 'establishment_id', 'function'])
    .expression((eb) => eb.selectFrom('person_functions').select([keptParam(keptId).as('person_id'), 'establishment_id', 'function']).where('person_id', '=', retiredId))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const groups = await trx
    .insertInto('group_members')
    .columns(['group_id', 'person_id', 'role', 'head_teacher', 'source'])
    .expression((eb) => eb.selectFrom('group_members').select(['group_id', keptParam(keptId).as('person_id'), 'role', 'head_teacher', 'source']).where('person_id', '=', retiredId))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const teachings = await trx
    .insertInto('teachings')
    .columns(['group_id', 'person_id', 'subject_id', 'source'])
    .expression((eb) => eb.selectFrom('teachings').select(['group_id', keptParam(keptId).as('person_id'), 'subject_id', 'source']).where('person_id', '=', retiredId))
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const table of ['memberships', 'person_functions', 'group_members', 'teachings'] as const) {
    await trx.deleteFrom(table).where('person_id', '=', retiredId).execute();
  }
  return { memberships: inserted(memberships), groups: inserted(groups), teachings: inserted(teachings) };
}

/** Relative↔student links in both directions (a link between the two accounts themselves is dropped). */
async function moveRelatives(trx: Db, keptId: string, retiredId: string) {
  const asRelative = await trx
    .insertInto('relatives')
    .columns(['relative_id', 'student_id', 'legal_guardian', 'financial', 'contact', 'relationship', 'source'])
    .expression((eb) =>
      eb
        .selectFrom('relatives')
        .select([keptParam(keptId).as('relative_id'), 'student_id', 'legal_guardian', 'financial', 'contact', 'relationship', 'source'])
        .where('relative_id', '=', retiredId)
        .where('student_id', '<>', keptId),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const asStudent = await trx
    .insertInto('relatives')
    .columns(['relative_id', 'student_id', 'legal_guardian', 'financial', 'contact', 'relationship', 'source'])
    .expression((eb) =>
      eb
        .selectFrom('relatives')
        .select(['relative_id', keptParam(keptId).as('student_id'), 'legal_guardian', 'financial', 'contact', 'relationship', 'source'])
        .where('student_id', '=', retiredId)
        .where('relative_id', '<>', keptId),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx.deleteFrom('relatives').where((eb) => eb.or([eb('relative_id', '=', retiredId), eb('student_id', '=', retiredId)])).execute();
  return inserted(asRelative) + inserted(asStudent);
}

/**
 * Proposals about the retired account: "not the same person" decisions carry over to the kept
 * account (remembered), open ones are dropped (detection runs again for the kept account).
 */
async function carryProposals(trx: Db, keptId: string, retiredId: string, candidateId: string) {
  const other = sql<string>`case when person_a = ${retiredId} then person_b else person_a end`;
  await sql`
    insert into duplicate_candidates (id, person_a, person_b, reason, status, detected_at, decided_at, decided_by)
    select case when x.other < x.kept then x.other || '~' || x.kept else x.kept || '~' || x.other end,
           case when x.other < x.kept then x.other else x.kept end,
           case when x.other < x.kept then x.kept else x.other end,
           x.reason, 'dismissed', x.detected_at, x.decided_at, x.decided_by
    from (select ${other} as other, cast(${keptId} as text) as kept, reason, detected_at, decided_at, decided_by
          from duplicate_candidates where status = 'dismissed' and (person_a = ${retiredId} or person_b = ${retiredId})) x
    where x.other <> x.kept
    on conflict do nothing`.execute(trx);
  await trx
    .deleteFrom('duplicate_candidates')
    .where('status', '=', 'open')
    .where('id', '<>', candidateId)
    .where((eb) => eb.or([eb('person_a', '=', retiredId), eb('person_b', '=', retiredId)]))
    .execute();
}

export interface MergeRequest {
  candidateId: string;
  keptId: string;
  retiredId: string;
  actorId: string | null;
  ip?: string | null;
  /** The establishment the decision was taken from (for the audit log), null from the platform page. */
  establishmentId?: string | null;
}

/**
 * Merges two accounts of the same person in one transaction: the kept account keeps its login,
 * password, chosen e-mail and sessions, and receives the memberships, classes, teachings,
 * relative↔student links and source ids of the other (so every feed updates it from now on). The
 * other account is retired: it can no longer log in, its contact data is erased, and it points to
 * the kept one. Both ids go to the audit log. Never called without an administrator's decision.
 */
export async function mergeAccounts(db: Db, clock: Clock, request: MergeRequest): Promise<MergeResult> {
  const { candidateId, keptId, retiredId } = request;
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // Claiming the proposal first serialises two administrators deciding at once.
    const claimed = await trx
      .updateTable('duplicate_candidates')
      .set({ status: 'merged', decided_at: now, decided_by: request.actorId, kept_id: keptId })
      .where('id', '=', candidateId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('duplicates.already_decided', 409);
    const pair = await loadPair(trx, [keptId, retiredId]);
    const kept = pair.find((p) => p.id === keptId);
    const retired = pair.find((p) => p.id === retiredId);
    if (!kept || !retired) throw new AppError('duplicates.account_unavailable', 409);

    // The retired account goes first, so an INE it held is never on two live accounts at once.
    const retiring = await trx
      .updateTable('people')
      .set({ state: 'merged', merged_into: keptId, left_at: now, updated_at: now, password_hash: null, activation_code: null, activation_expires_at: null, email: null, phone: null, national_id: null, birth_date: null })
      .where('id', '=', retiredId)
      .where('state', 'not in', [...RETIRED_STATES])
      .executeTakeFirst();
    const keeping = await trx
      .updateTable('people')
      .set({ ...fieldsTaken(kept, retired), updated_at: now })
      .where('id', '=', keptId)
      .where('state', 'not in', [...RETIRED_STATES])
      .executeTakeFirst();
    if (Number(retiring.numUpdatedRows) !== 1 || Number(keeping.numUpdatedRows) !== 1) throw new AppError('duplicates.account_unavailable', 409);

    const sourceIds = await trx.updateTable('person_sources').set({ person_id: keptId }).where('person_id', '=', retiredId).executeTakeFirst();
    const moved = await moveMemberships(trx, keptId, retiredId);
    const relatives = await moveRelatives(trx, keptId, retiredId);
    await trx.deleteFrom('sessions').where('person_id', '=', retiredId).execute();
    await carryProposals(trx, keptId, retiredId, candidateId);
    await detectDuplicates(trx, clock, { personIds: [keptId] });

    const result: MergeResult = {
      keptId,
      retiredId,
      login: kept.login,
      moved: { ...moved, relatives, sourceIds: Number(sourceIds.numUpdatedRows) },
    };
    await recordAudit(trx, clock, {
      action: 'duplicates.merged',
      actorId: request.actorId,
      targetId: keptId,
      establishmentId: request.establishmentId ?? null,
      ip: request.ip ?? null,
      details: { candidate: candidateId, kept: keptId, retired: retiredId, keptLogin: kept.login, retiredLogin: retired.login, moved: result.moved },
    });
    return result;
  });
}
