/**
 * Workflow rights a route may require. Which profile holds which right is decided by each
 * service's policy file on the server; the list lives here so the web client can show or hide
 * what the server will allow.
 */
export const RIGHTS = [
  'portal.use',
  'account.manage',
  'directory.read',
  'admin.accounts.manage',
  'admin.imports.manage',
  'admin.exports.manage',
  'admin.duplicates.manage',
  'admin.structures.manage',
  'admin.services.manage',
  'messaging.use',
  'messaging.announce',
  'communication.rules.manage',
  'notifications.use',
  'notifications.defaults.manage',
  'timetable.read',
  'timetable.manage',
  'homework.read',
  'homework.agenda',
  'homework.write',
  'homework.visa',
  'homework.handin',
  'homework.archive',
  'grades.read',
  'grades.write',
  'grades.manage',
  'platform.audit.read',
  'platform.establishments.manage',
  'platform.exports.manage',
  'platform.duplicates.manage',
] as const;
export type Right = (typeof RIGHTS)[number];
