export { importsGrants } from './imports.policy.js';
export { importsRoutes } from './imports.routes.js';
export { runImport, UnknownEstablishmentError } from './imports.usecases.js';
export { registerImportJobs } from './imports.jobs.js';
export { EXTENSIONS as ONEROSTER_EXTENSIONS, LEVEL_GRADES, MANIFEST_FILES, MANIFEST_VERSION, ONEROSTER_FILES, ONEROSTER_VERSION, roleOf, schoolYearOf } from './oneroster/index.js';
