import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * A roster export holds every account of a school (names, e-mails, class lists): its local
 * administrators (and platform admins) only, like the imports it mirrors. The whole platform's
 * export is for platform administrators.
 */
export const exportsGrants: ServiceGrants = {
  establishment: {
    'admin.exports.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local'),
  },
  platform: {
    'platform.exports.manage': (actor) => actor.platformAdmin,
  },
};
