import { z } from 'zod';

/** Profiles a person may hold in an establishment (a person may hold several). */
export const PROFILES = ['student', 'relative', 'teacher', 'personnel', 'agent', 'tutor', 'inspector', 'guest'] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

/** Functions held by personnel (and the local administrator function, which any staff may hold). */
export const FUNCTIONS = ['head', 'deputy', 'cpe', 'secretary', 'documentalist', 'nurse', 'admin_local'] as const;
export const PersonnelFunction = z.enum(FUNCTIONS);
export type PersonnelFunction = z.infer<typeof PersonnelFunction>;

export const PERSON_STATES = ['awaiting_activation', 'active', 'suspended', 'left'] as const;
export const PersonState = z.enum(PERSON_STATES);
export type PersonState = z.infer<typeof PersonState>;

export const ESTABLISHMENT_TYPES = ['ecole', 'college', 'lycee', 'lp', 'erea', 'other'] as const;
export const EstablishmentType = z.enum(ESTABLISHMENT_TYPES);
export type EstablishmentType = z.infer<typeof EstablishmentType>;

export const GROUP_KINDS = ['class', 'teaching_group', 'free_group'] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof GroupKind>;
