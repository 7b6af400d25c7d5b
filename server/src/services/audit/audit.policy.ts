import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** The audit log holds every school's authentication events: platform administrators only. */
export const auditGrants: ServiceGrants = {
  platform: { 'platform.audit.read': (actor) => actor.platformAdmin },
};
