export { reportCardsGrants } from './report-cards.policy.js';
export { reportCardsRoutes } from './report-cards.routes.js';
export { publishDueReportCards, scheduleReportCardPublications } from './report-cards.councils.js';
