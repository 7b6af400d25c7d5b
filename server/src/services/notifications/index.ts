export { notificationsGrants } from './notifications.policy.js';
export { notificationsRoutes } from './notifications.routes.js';
