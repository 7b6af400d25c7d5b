export { importsGrants } from './imports.policy.js';
export { importsRoutes } from './imports.routes.js';
export { runImport, UnknownEstablishmentError } from './imports.usecases.js';
