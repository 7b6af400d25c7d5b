import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Everyone with an account has a timeline and preferences; what they contain is always the
 * caller's own (every query is keyed by the session's person, never by a parameter).
 */
export const timelineGrants: ServiceGrants = {
  establishment: {
    'notifications.use': () => true,
  },
};
