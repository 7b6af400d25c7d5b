export { disciplineGrants } from './discipline.policy.js';
export { disciplineRoutes } from './discipline.routes.js';
