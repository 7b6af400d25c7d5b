import type { Profile, Right } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import { membershipIn } from '../../../kernel/auth/actor.js';
import type { Rights } from '../../../kernel/auth/rights.js';

export interface CatalogueEntry {
  id: string;
  path: string;
  right: Right;
}

/**
 * Services an establishment may hide: those used inside it. The account page (a platform right)
 * and the administration tiles (which follow functions, not profiles) always show, so nobody can
 * hide their own way back to this setting.
 */
export function isHideable(rights: Rights, entry: CatalogueEntry): boolean {
  return !rights.isPlatformRight(entry.right) && !entry.right.startsWith('admin.');
}

/** The rights one profile alone gives in an establishment (with the person's functions, if any). */
export function rightsOfProfile(rights: Rights, establishmentId: string, profile: Profile, functions: Actor['memberships'][number]['functions'] = []): Set<Right> {
  const alone: Actor = { personId: '', login: '', sessionId: '', csrfToken: '', platformAdmin: false, memberships: [{ establishmentId, profiles: [profile], functions }] };
  return new Set(rights.inEstablishment(alone, establishmentId));
}

/** What the settings page offers for a profile: hideable services the profile holds the right for. */
export function hideableFor(rights: Rights, catalogue: readonly CatalogueEntry[], establishmentId: string, profile: Profile): CatalogueEntry[] {
  const held = rightsOfProfile(rights, establishmentId, profile);
  return catalogue.filter((e) => isHideable(rights, e) && held.has(e.right));
}

/**
 * Narrows the tiles a person holds the right for. A person with several profiles keeps a tile
 * while one of the profiles that gives its right still shows it (a teacher who is also a parent
 * keeps the directory hidden from parents). Hiding never grants: it only removes.
 */
export function shownTiles<T extends CatalogueEntry>(rights: Rights, actor: Actor, establishmentId: string, tiles: T[], hidden: Set<string>): T[] {
  const membership = membershipIn(actor, establishmentId);
  if (actor.platformAdmin || !membership || hidden.size === 0) return tiles;
  const perProfile = membership.profiles.map((profile) => ({ profile, held: rightsOfProfile(rights, establishmentId, profile, membership.functions) }));
  return tiles.filter((tile) => {
    if (!isHideable(rights, tile)) return true;
    const granting = perProfile.filter((p) => p.held.has(tile.right));
    return granting.length === 0 || granting.some((p) => !hidden.has(`${p.profile}|${tile.id}`));
  });
}
