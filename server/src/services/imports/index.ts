export { importsGrants } from './imports.policy.js';
export { importsRoutes } from './imports.routes.js';
export { runImport, UnknownEstablishmentError } from './imports.usecases.js';
export { registerImportJobs } from './imports.jobs.js';
