import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** An establishment's communication rules are set by its local administrators and its head. */
export const communicationGrants: ServiceGrants = {
  establishment: {
    'communication.rules.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
  },
};
