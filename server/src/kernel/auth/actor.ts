import type { PersonnelFunction, Profile } from '@preau/contracts';

export interface ActorMembership {
  establishmentId: string;
  profiles: Profile[];
  functions: PersonnelFunction[];
}

/** The logged-in person as every route and policy sees them. */
export interface Actor {
  personId: string;
  login: string;
  sessionId: string;
  csrfToken: string;
  platformAdmin: boolean;
  memberships: ActorMembership[];
}

export function membershipIn(actor: Actor, establishmentId: string): ActorMembership | undefined {
  return actor.memberships.find((m) => m.establishmentId === establishmentId);
}

export function holdsProfile(actor: Actor, establishmentId: string, ...profiles: Profile[]): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.profiles.some((p) => profiles.includes(p));
}

export function holdsFunction(actor: Actor, establishmentId: string, ...functions: PersonnelFunction[]): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => functions.includes(f));
}
