import { ASSIGNABLE_FUNCTIONS, type AdminPersonDetail, type PersonnelFunction, type PersonState } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { recordAudit } from '../../audit/index.js';
import { displayName } from '../../directory/index.js';
import { classesOf, establishmentsOf, findMember, groupsOfMember, memberFacts, relatedPeople } from './people.queries.js';

export async function personDetail(ctx: AppContext, actor: Actor, establishmentId: string, personId: string): Promise<AdminPersonDetail> {
  const person = await findMember(ctx.db, establishmentId, personId);
  if (!person) throw notFound('directory.person_not_found');
  const [facts, groups, relatives, children, establishments] = await Promise.all([
    memberFacts(ctx.db, establishmentId, [personId]),
    groupsOfMember(ctx.db, establishmentId, personId),
    relatedPeople(ctx.db, establishmentId, personId, 'relatives'),
    relatedPeople(ctx.db, establishmentId, personId, 'children'),
    establishmentsOf(ctx.db, personId),
  ]);
  const childClasses = await classesOf(ctx.db, establishmentId, children.map((c) => c.id));
  const f = facts.get(personId) ?? { profiles: [], functions: [], classes: [] };
  const self = person.id === actor.personId;
  const protectedAccount = person.platform_admin === 1 && !actor.platformAdmin;
  const related = (r: (typeof relatives)[number]) => ({
    id: r.id,
    displayName: displayName(r.first_name, r.last_name),
    legalGuardian: r.legal_guardian === 1,
    relationship: r.relationship,
    email: r.email,
    phone: r.phone,
    classes: childClasses.get(r.id) ?? [],
  });
  return {
    id: person.id,
    login: person.login,
    firstName: person.first_name,
    lastName: person.last_name,
    displayName: displayName(person.first_name, person.last_name),
    state: person.state as PersonState,
    ...f,
    birthDate: person.birth_date,
    email: person.email,
    phone: person.phone,
    nationalId: person.national_id,
    source: person.source,
    createdAt: person.created_at,
    activationExpiresAt: person.state === 'awaiting_activation' ? person.activation_expires_at : null,
    groups,
    relatives: relatives.map(related),
    children: children.map(related),
    otherEstablishments: establishments.filter((e) => e !== establishmentId).length,
    can: {
      reset: !self && !protectedAccount && person.state !== 'left',
      // Suspension closes the account everywhere: the viewer must administer each of its establishments.
      suspend: !self && !protectedAccount && person.state !== 'left' && establishments.every((e) => ctx.rights.holds(actor, 'admin.accounts.manage', e)),
      editFunctions: !self && !protectedAccount && f.profiles.includes('personnel'),
    },
  };
}

const assignable = new Set<string>(ASSIGNABLE_FUNCTIONS);

/**
 * Sets the functions a staff member holds here. `admin_local` is not among them: the platform
 * appoints establishment administrators, so an administrator cannot make another one (or undo one).
 */
export async function setFunctions(ctx: AppContext, actor: Actor, establishmentId: string, personId: string, wanted: PersonnelFunction[], ip: string) {
  const reserved = wanted.map((f, i) => ({ f, i })).filter(({ f }) => !assignable.has(f));
  if (reserved.length) throw badRequest('admin.function_reserved', reserved.map(({ i }) => ({ field: `body.functions.${i}`, issue: 'reserved' })));
  const person = await findMember(ctx.db, establishmentId, personId);
  if (!person) throw notFound('directory.person_not_found');
  if (person.platform_admin === 1 && !actor.platformAdmin) throw forbidden();
  if (person.id === actor.personId) throw forbidden('admin.cannot_target_self');
  const facts = (await memberFacts(ctx.db, establishmentId, [personId])).get(personId);
  if (!facts?.profiles.includes('personnel') || person.state === 'left') throw new AppError('admin.not_staff', 409);

  const current = new Set<string>(facts.functions);
  const target = new Set<string>(wanted);
  const added = [...target].filter((f) => !current.has(f));
  const removed = [...current].filter((f) => assignable.has(f) && !target.has(f));
  if (added.length || removed.length) {
    await ctx.db.transaction().execute(async (trx) => {
      if (removed.length) {
        await trx.deleteFrom('person_functions').where('person_id', '=', personId).where('establishment_id', '=', establishmentId).where('function', 'in', removed).execute();
      }
      if (added.length) {
        await trx
          .insertInto('person_functions')
          .values(added.map((f) => ({ person_id: personId, establishment_id: establishmentId, function: f })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
    // Rights come from functions: the person's cached sessions must read them again.
    ctx.sessions.forgetPeople([personId]);
    await recordAudit(ctx.db, ctx.clock, { action: 'admin.functions.changed', actorId: actor.personId, targetId: personId, establishmentId, ip, details: { added, removed } });
  }
  const after = await memberFacts(ctx.db, establishmentId, [personId]);
  return { functions: after.get(personId)?.functions ?? [] };
}
