import type { DuplicateCandidate, DuplicatePerson, DuplicateReason, DuplicateStatus, MergeResult } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { recordAudit } from '../audit/index.js';
import { type DetectionScope, detectDuplicates } from './duplicates.detect.js';
import { mergeAccounts } from './duplicates.merge.js';
import { mayDecide } from './duplicates.policy.js';
import { type CandidateRow, type PersonDetails, detailsOf, dismissCandidate, listCandidates } from './duplicates.queries.js';

/** Where the administrator works: one establishment, or the whole platform (platform admins). */
export type Place = { establishmentId: string } | { platform: true };
const establishmentOf = (place: Place) => ('establishmentId' in place ? place.establishmentId : undefined);

function present(ctx: AppContext, actor: Actor, row: CandidateRow, details: Map<string, PersonDetails>): DuplicateCandidate {
  const a = details.get(row.person_a);
  const b = details.get(row.person_b);
  if (!a || !b) throw new Error(`duplicate candidate ${row.id} names a missing person`);
  // A platform administrator's account is merged only by a platform administrator.
  const adminAccount = a.platform_admin === 1 || b.platform_admin === 1;
  const canDecide = row.status === 'open' && (!adminAccount || actor.platformAdmin) && mayDecide(ctx.rights, actor, [...a.establishments, ...b.establishments].map((e) => e.id));
  const person = (p: PersonDetails): DuplicatePerson => {
    // Contact details of someone in an establishment the viewer does not administer stay hidden.
    const showEmail = mayDecide(ctx.rights, actor, p.establishments.map((e) => e.id));
    return {
      id: p.id,
      login: p.login,
      firstName: p.first_name,
      lastName: p.last_name,
      birthDate: p.birth_date,
      email: showEmail ? p.email : null,
      emailHidden: !showEmail && p.email !== null,
      nationalId: p.national_id,
      state: p.state,
      activated: p.password_hash !== null,
      createdAt: p.created_at,
      sources: p.sources,
      establishments: p.establishments,
    };
  };
  // The account in use keeps its login: the activated one, else the older one.
  const suggested = a.password_hash !== null && b.password_hash === null ? a : b.password_hash !== null && a.password_hash === null ? b : a.created_at <= b.created_at ? a : b;
  return {
    id: row.id,
    reason: row.reason as DuplicateReason,
    status: row.status as DuplicateStatus,
    detectedAt: row.detected_at,
    decidedAt: row.decided_at,
    keptId: row.kept_id,
    people: [person(a), person(b)],
    canDecide,
    suggestedKeepId: suggested.id,
  };
}

export async function listDuplicates(ctx: AppContext, actor: Actor, place: Place, query: { status: DuplicateStatus; cursor?: string; limit: number }) {
  const rows = await listCandidates(ctx.db, {
    establishmentId: establishmentOf(place),
    status: query.status,
    before: decodeCursor(query.cursor, 2) as [string, string] | undefined,
    limit: query.limit,
  });
  const page = paginate(rows, query.limit, (r) => [r.detected_at, r.id]);
  const details = await detailsOf(ctx.db, [...new Set(page.items.flatMap((r) => [r.person_a, r.person_b]))]);
  return { nextCursor: page.nextCursor, items: page.items.map((r) => present(ctx, actor, r, details)) };
}

/** The proposal as this administrator may see it (404 when it is not about their establishment). */
async function candidateFor(ctx: AppContext, actor: Actor, place: Place, candidateId: string) {
  const [row] = await listCandidates(ctx.db, { establishmentId: establishmentOf(place), status: 'open', limit: 1, id: candidateId });
  if (!row) {
    const decided = await ctx.db.selectFrom('duplicate_candidates').select('status').where('id', '=', candidateId).executeTakeFirst();
    // Only someone who could see it open learns that it was decided meanwhile.
    if (decided && decided.status !== 'open' && (await visibleAnyStatus(ctx, place, candidateId))) throw new AppError('duplicates.already_decided', 409);
    throw notFound('duplicates.not_found');
  }
  const details = await detailsOf(ctx.db, [row.person_a, row.person_b]);
  const candidate = present(ctx, actor, row, details);
  if (!candidate.canDecide) throw forbidden('duplicates.not_administered');
  if (candidate.people.some((p) => p.id === actor.personId)) throw forbidden('admin.cannot_target_self');
  return candidate;
}

async function visibleAnyStatus(ctx: AppContext, place: Place, candidateId: string) {
  for (const status of ['merged', 'dismissed'] as const) {
    const rows = await listCandidates(ctx.db, { establishmentId: establishmentOf(place), status, limit: 1, id: candidateId });
    if (rows.length) return true;
  }
  return false;
}

export async function mergeDuplicate(ctx: AppContext, actor: Actor, place: Place, candidateId: string, keepId: string, ip: string): Promise<MergeResult> {
  const candidate = await candidateFor(ctx, actor, place, candidateId);
  const kept = candidate.people.find((p) => p.id === keepId);
  const retired = candidate.people.find((p) => p.id !== keepId);
  if (!kept || !retired) throw badRequest('duplicates.invalid_keep', [{ field: 'body.keepId', issue: 'not_in_pair' }]);
  const result = await mergeAccounts(ctx.db, ctx.clock, { candidateId, keptId: kept.id, retiredId: retired.id, actorId: actor.personId, ip, establishmentId: establishmentOf(place) ?? null });
  // The retired account's sessions are gone, and the kept one's cached memberships are stale.
  ctx.sessions.forgetPeople([kept.id, retired.id]);
  return result;
}

/** "Not the same person": remembered, so detection never proposes this pair again. */
export async function dismissDuplicate(ctx: AppContext, actor: Actor, place: Place, candidateId: string, ip: string) {
  const candidate = await candidateFor(ctx, actor, place, candidateId);
  const now = ctx.clock.now().toISOString();
  const result = await dismissCandidate(ctx.db, candidateId, actor.personId, now);
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('duplicates.already_decided', 409);
  await recordAudit(ctx.db, ctx.clock, {
    action: 'duplicates.dismissed',
    actorId: actor.personId,
    targetId: candidate.people[0].id,
    establishmentId: establishmentOf(place) ?? null,
    ip,
    details: { candidate: candidateId, people: candidate.people.map((p) => p.id), reason: candidate.reason },
  });
  return { ...candidate, status: 'dismissed' as const, decidedAt: now, canDecide: false };
}

/** On demand: looks again for the establishment's people (or everyone, from the platform page). */
export async function runDetection(ctx: AppContext, place: Place) {
  const establishmentId = establishmentOf(place);
  const scope: DetectionScope = establishmentId ? { establishmentId } : { all: true };
  return { proposed: await detectDuplicates(ctx.db, ctx.clock, scope) };
}
