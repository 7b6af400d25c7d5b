import type { Right } from '@preau/contracts';
import type { Actor, ActorMembership } from './actor.js';

/** Who holds a right in an establishment, decided from their profiles and functions there. */
export type MembershipGrant = (membership: ActorMembership, actor: Actor) => boolean;
/** Who holds a platform-wide right. */
export type PlatformGrant = (actor: Actor) => boolean;

export interface ServiceGrants {
  establishment?: Partial<Record<Right, MembershipGrant>>;
  platform?: Partial<Record<Right, PlatformGrant>>;
}

/**
 * Rights come from each service's policy file; this table only gathers them, so "who may use the
 * directory?" is answered in directory.policy.ts and nowhere else.
 */
export class Rights {
  private readonly establishment = new Map<Right, MembershipGrant>();
  private readonly platform = new Map<Right, PlatformGrant>();

  constructor(grants: ServiceGrants[]) {
    for (const g of grants) {
      for (const [right, grant] of Object.entries(g.establishment ?? {})) this.establishment.set(right as Right, grant);
      for (const [right, grant] of Object.entries(g.platform ?? {})) this.platform.set(right as Right, grant);
    }
  }

  isPlatformRight(right: Right): boolean {
    return this.platform.has(right);
  }

  knows(right: Right): boolean {
    return this.platform.has(right) || this.establishment.has(right);
  }

  /** Rights held in one establishment (platform admins manage every establishment). */
  inEstablishment(actor: Actor, establishmentId: string): Right[] {
    const membership = actor.memberships.find((m) => m.establishmentId === establishmentId) ?? {
      establishmentId,
      profiles: [],
      functions: [],
    };
    const held: Right[] = [];
    for (const [right, grant] of this.establishment) {
      if (grant(membership, actor)) held.push(right);
    }
    return held;
  }

  onPlatform(actor: Actor): Right[] {
    return [...this.platform].filter(([, grant]) => grant(actor)).map(([right]) => right);
  }

  holds(actor: Actor, right: Right, establishmentId?: string): boolean {
    const platformGrant = this.platform.get(right);
    if (platformGrant) return platformGrant(actor);
    const grant = this.establishment.get(right);
    if (!grant) return false;
    if (establishmentId !== undefined) return this.inEstablishment(actor, establishmentId).includes(right);
    return actor.memberships.some((m) => grant(m, actor)) || (actor.platformAdmin && grant({ establishmentId: '', profiles: [], functions: [] }, actor));
  }
}
