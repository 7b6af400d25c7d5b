import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { ACTIVATION_VALIDITY_DAYS, newActivationCode } from './activation-codes.js';

/**
 * "Reset" hands out a new activation code: the password is removed, every session ends, and the
 * person chooses a new password on their next first connection.
 */
export async function resetActivation(ctx: AppContext, actor: Actor, establishmentId: string, personId: string, ip: string) {
  const target = await ctx.db
    .selectFrom('people')
    .select(['people.id', 'people.login', 'people.platform_admin', 'people.state'])
    .where('people.id', '=', personId)
    .where('people.id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId))
    .executeTakeFirst();
  if (!target) throw notFound('directory.person_not_found');
  // An establishment's administrator must not take over a platform administrator's account.
  if (target.platform_admin === 1 && !actor.platformAdmin) throw forbidden();
  if (target.id === actor.personId) throw forbidden('admin.cannot_target_self');

  const now = ctx.clock.now();
  const code = newActivationCode();
  const expiresAt = new Date(now.getTime() + ACTIVATION_VALIDITY_DAYS * 86_400_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({ password_hash: null, state: 'awaiting_activation', activation_code: code, activation_expires_at: expiresAt, updated_at: now.toISOString() })
      .where('id', '=', target.id)
      .execute();
    await trx.deleteFrom('sessions').where('person_id', '=', target.id).execute();
  });
  ctx.sessions.forgetPeople([target.id]);
  await recordAudit(ctx.db, ctx.clock, {
    action: 'admin.activation.reset',
    actorId: actor.personId,
    targetId: target.id,
    establishmentId,
    ip,
  });
  return { login: target.login, activationCode: code, expiresAt };
}

/** Suspension blocks logging in and ends every session; reactivation restores the previous access. */
export async function setSuspended(ctx: AppContext, actor: Actor, establishmentId: string, personId: string, suspended: boolean, ip: string) {
  const target = await ctx.db
    .selectFrom('people')
    .select(['people.id', 'people.login', 'people.platform_admin', 'people.state', 'people.password_hash'])
    .where('people.id', '=', personId)
    .where('people.id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId))
    .executeTakeFirst();
  if (!target || target.state === 'left') throw notFound('directory.person_not_found');
  if (target.platform_admin === 1 && !actor.platformAdmin) throw forbidden();
  if (target.id === actor.personId) throw forbidden('admin.cannot_target_self');
  // A suspension closes the account everywhere: only someone who administers every establishment
  // the person belongs to may do it (a parent with children in two schools, a teacher in two).
  const establishments = await ctx.db.selectFrom('memberships').select('establishment_id').distinct().where('person_id', '=', target.id).execute();
  if (establishments.some((e) => !ctx.rights.holds(actor, 'admin.accounts.manage', e.establishment_id))) throw forbidden();
  const state = suspended ? 'suspended' : target.password_hash ? 'active' : 'awaiting_activation';
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('people').set({ state, updated_at: ctx.clock.now().toISOString() }).where('id', '=', target.id).execute();
    if (suspended) await trx.deleteFrom('sessions').where('person_id', '=', target.id).execute();
  });
  if (suspended) ctx.sessions.forgetPeople([target.id]);
  await recordAudit(ctx.db, ctx.clock, {
    action: suspended ? 'admin.account.suspended' : 'admin.account.reactivated',
    actorId: actor.personId,
    targetId: target.id,
    establishmentId,
    ip,
  });
  return { login: target.login, state };
}
