import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Any logged-in person uses the portal and manages their own account, whatever their profile. */
export const authGrants: ServiceGrants = {
  platform: {
    'portal.use': () => true,
    'account.manage': () => true,
  },
};
