export { adminGrants } from './admin.policy.js';
export { adminRoutes } from './admin.routes.js';
export { newActivationCode } from './activation-codes.js';
export { lettersRoutes } from './letters/letters.routes.js';
export { peopleRoutes } from './people/people.routes.js';
export { establishmentAdminsRoutes } from './platform/establishment-admins.routes.js';
export { servicesRoutes, visibleTiles } from './services/services.routes.js';
