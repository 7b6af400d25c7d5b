import { AppointAdmin, EstablishmentAdmins, EstablishmentParams, type PersonState, PersonParams, type Profile } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, notFound } from '../../../kernel/errors/app-error.js';
import { recordAudit } from '../../audit/index.js';
import { displayName, findEstablishment } from '../../directory/index.js';

const right = 'platform.establishments.manage' as const;
/** Profiles from which a local administrator may be chosen: the school's staff, teachers included. */
const STAFF: Profile[] = ['personnel', 'teacher'];
/** An administrator who can still log in (or will, once activated). */
const ACTIVE_STATES = ['active', 'awaiting_activation'];

async function admins(ctx: AppContext, establishmentId: string) {
  const [people, profiles] = await Promise.all([
    ctx.db
      .selectFrom('person_functions')
      .innerJoin('people', 'people.id', 'person_functions.person_id')
      .select(['people.id', 'people.login', 'people.first_name', 'people.last_name', 'people.state'])
      .where('person_functions.establishment_id', '=', establishmentId)
      .where('person_functions.function', '=', 'admin_local')
      .orderBy('people.sort_key')
      .orderBy('people.id')
      .execute(),
    ctx.db
      .selectFrom('memberships')
      .select(['person_id', 'profile'])
      .where('establishment_id', '=', establishmentId)
      .where('person_id', 'in', (eb) => eb.selectFrom('person_functions').select('person_id').where('establishment_id', '=', establishmentId).where('function', '=', 'admin_local'))
      .orderBy('profile')
      .execute(),
  ]);
  return people.map((p) => ({
    id: p.id,
    login: p.login,
    displayName: displayName(p.first_name, p.last_name),
    state: p.state as PersonState,
    // No profile left here: an administrator who left the school (their function outlived the import).
    profiles: profiles.filter((m) => m.person_id === p.id).map((m) => m.profile as Profile),
  }));
}

/** Platform administrators appoint and remove each establishment's local administrators. */
export function establishmentAdminsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const answer = async (establishmentId: string) => {
      const establishment = await findEstablishment(ctx.db, establishmentId);
      if (!establishment) throw notFound('directory.establishment_not_found');
      return { establishment: { id: establishment.id, uai: establishment.uai, name: establishment.name }, items: await admins(ctx, establishmentId) };
    };
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(
      '/api/platform/establishments/:establishmentId/admins',
      { config: { right }, schema: { tags: ['platform'], params: EstablishmentParams, response: { 200: EstablishmentAdmins } } },
      async (request) => answer(request.params.establishmentId),
    );

    app.post(
      '/api/platform/establishments/:establishmentId/admins',
      { config: { right }, schema: { tags: ['platform'], params: EstablishmentParams, body: AppointAdmin, response: { 200: EstablishmentAdmins } } },
      async (request) => {
        const { establishmentId } = request.params;
        const { personId } = request.body;
        const memberships = await ctx.db
          .selectFrom('memberships')
          .innerJoin('people', 'people.id', 'memberships.person_id')
          .select(['memberships.profile', 'people.state'])
          .where('memberships.establishment_id', '=', establishmentId)
          .where('memberships.person_id', '=', personId)
          .execute();
        if (memberships.length === 0) throw notFound('directory.person_not_found');
        if (!memberships.some((m) => STAFF.includes(m.profile as Profile)) || memberships[0]?.state === 'left') {
          throw new AppError('admin.not_staff', 409, [{ field: 'body.personId', issue: 'not_staff' }]);
        }
        const already = await ctx.db
          .selectFrom('person_functions')
          .select('person_id')
          .where('person_id', '=', personId)
          .where('establishment_id', '=', establishmentId)
          .where('function', '=', 'admin_local')
          .executeTakeFirst();
        if (!already) {
          await ctx.db.insertInto('person_functions').values({ person_id: personId, establishment_id: establishmentId, function: 'admin_local' }).onConflict((oc) => oc.doNothing()).execute();
          ctx.sessions.forgetPeople([personId]);
          await recordAudit(ctx.db, ctx.clock, { action: 'platform.establishment_admin.appointed', actorId: requireActor(request).personId, targetId: personId, establishmentId, ip: request.ip });
        }
        return answer(establishmentId);
      },
    );

    app.delete(
      '/api/platform/establishments/:establishmentId/admins/:personId',
      { config: { right }, schema: { tags: ['platform'], params: PersonParams, response: { 200: EstablishmentAdmins } } },
      async (request) => {
        const { establishmentId, personId } = request.params;
        const current = await admins(ctx, establishmentId);
        const target = current.find((a) => a.id === personId);
        if (!target) throw notFound('directory.person_not_found');
        // An establishment keeps one administrator who can act: appoint the successor first. One who
        // left or is suspended may always be removed.
        const acting = (a: (typeof current)[number]) => ACTIVE_STATES.includes(a.state) && a.profiles.length > 0;
        if (acting(target) && !current.some((a) => a.id !== personId && acting(a))) throw new AppError('admin.last_admin', 409);
        await ctx.db.deleteFrom('person_functions').where('person_id', '=', personId).where('establishment_id', '=', establishmentId).where('function', '=', 'admin_local').execute();
        ctx.sessions.forgetPeople([personId]);
        await recordAudit(ctx.db, ctx.clock, { action: 'platform.establishment_admin.removed', actorId: requireActor(request).personId, targetId: personId, establishmentId, ip: request.ip });
        return answer(establishmentId);
      },
    );
  };
}
