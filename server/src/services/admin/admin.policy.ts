import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Account administration in an establishment: its local administrators and its head. */
export const adminGrants: ServiceGrants = {
  establishment: {
    'admin.accounts.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
  },
};
