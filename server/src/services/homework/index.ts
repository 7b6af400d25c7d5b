export { homeworkGrants } from './homework.policy.js';
export { homeworkRoutes } from './homework.routes.js';
export { dueHomeworkFor } from './agenda/agenda.js';
export { publishDueEntries, schedulePublications } from './textbook/publication.js';
export { sanitizeRichText } from './textbook/rich-text.js';
export { purgeExpiredArchives, scheduleArchivePurge } from './archive/archive.usecases.js';
