import type { Actor } from '../../kernel/auth/actor.js';
import type { Rights, ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Duplicates are the imports' other half: the establishment's local administrators (who run the
 * imports) decide for their establishment, platform administrators across establishments.
 */
export const duplicatesGrants: ServiceGrants = {
  establishment: {
    'admin.duplicates.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local'),
  },
  platform: {
    'platform.duplicates.manage': (actor) => actor.platformAdmin,
  },
};

/**
 * A merge (or a "not the same person") changes accounts everywhere they belong: it is decided only
 * by someone who administers every establishment of both people, or by a platform administrator.
 */
export function mayDecide(rights: Rights, actor: Actor, establishmentIds: Iterable<string>): boolean {
  if (actor.platformAdmin) return true;
  for (const id of establishmentIds) if (!rights.holds(actor, 'admin.duplicates.manage', id)) return false;
  return true;
}
