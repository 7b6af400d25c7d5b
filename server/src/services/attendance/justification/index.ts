export { justificationGrants } from './justification.policy.js';
export { justificationRoutes } from './justification.routes.js';
export { followUpNewEvents, scheduleJustificationFollowUp } from './justification.followup.js';
