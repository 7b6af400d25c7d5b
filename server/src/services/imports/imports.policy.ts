import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Imports replace an establishment's accounts: its local administrators only (and platform admins). */
export const importsGrants: ServiceGrants = {
  establishment: {
    'admin.imports.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local'),
  },
};
