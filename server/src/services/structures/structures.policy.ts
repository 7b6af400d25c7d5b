import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Classes and groups are shaped by the establishment's local administrators and its head. */
export const structuresGrants: ServiceGrants = {
  establishment: {
    'admin.structures.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
  },
};
