import { z } from 'zod';
import { EstablishmentType, GroupKind, PersonState, PersonnelFunction, Profile } from './profiles.js';

export const GroupRef = z.object({ id: z.string(), name: z.string(), kind: GroupKind, level: z.string().nullable() });
export type GroupRef = z.infer<typeof GroupRef>;

export const EstablishmentRef = z.object({
  id: z.string(),
  uai: z.string(),
  name: z.string(),
  type: EstablishmentType,
});
export type EstablishmentRef = z.infer<typeof EstablishmentRef>;

export const Membership = z.object({
  establishment: EstablishmentRef,
  profiles: z.array(Profile),
  functions: z.array(PersonnelFunction),
  /** Rights the person holds in this establishment (the web client shows what they allow). */
  rights: z.array(z.string()),
  groups: z.array(GroupRef),
});
export type Membership = z.infer<typeof Membership>;

export const Child = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  legalGuardian: z.boolean(),
  establishments: z.array(z.object({ establishment: EstablishmentRef, groups: z.array(GroupRef) })),
});
export type Child = z.infer<typeof Child>;

export const Me = z.object({
  id: z.string(),
  login: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  state: PersonState,
  platformAdmin: z.boolean(),
  platformRights: z.array(z.string()),
  memberships: z.array(Membership),
  children: z.array(Child),
});
export type Me = z.infer<typeof Me>;

export const Tile = z.object({ id: z.string(), path: z.string() });
export const Home = z.object({
  establishment: EstablishmentRef.nullable(),
  tiles: z.array(Tile),
});
export type Home = z.infer<typeof Home>;
