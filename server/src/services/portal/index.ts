export { portalRoutes } from './portal.routes.js';
export { CATALOGUE } from './portal.catalogue.js';
