export { structuresGrants } from './structures.policy.js';
export { structuresRoutes } from './structures.routes.js';
