import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Every member of an establishment has a mailbox there (whom they may write to is the communication
 * rules' business); teachers and staff may also send announcements that cannot be answered.
 */
export const messagingGrants: ServiceGrants = {
  establishment: {
    'messaging.use': (m, actor) => m.profiles.length > 0 || actor.platformAdmin,
    'messaging.announce': (m, actor) => actor.platformAdmin || m.profiles.includes('teacher') || m.profiles.includes('personnel'),
  },
};

/** Attachment space per person (bytes of the files they uploaded and still keep somewhere). */
export const ATTACHMENT_QUOTA_BYTES = 100 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
