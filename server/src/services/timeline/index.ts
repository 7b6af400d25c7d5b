export { timelineGrants } from './timeline.policy.js';
export { timelineRoutes } from './timeline.routes.js';
