import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Establishment defaults (quiet hours, e-mail frequency, channels for students and relatives, and
 * for staff) are set by the establishment's local administrators and its head; platform admins
 * everywhere. Each person's own preferences need only `notifications.use` (timeline.policy.ts).
 */
export const notificationsGrants: ServiceGrants = {
  establishment: {
    'notifications.defaults.manage': (m, actor) => actor.platformAdmin || m.functions.includes('admin_local') || m.functions.includes('head'),
  },
};
