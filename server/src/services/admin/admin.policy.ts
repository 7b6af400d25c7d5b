import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Account administration in an establishment, and its portal settings: its local administrators and its head. */
export const adminGrants: ServiceGrants = {
  establishment: {
    'admin.accounts.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
    'admin.services.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
  },
};
