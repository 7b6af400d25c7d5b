export { exportsGrants } from './exports.policy.js';
export { exportsRoutes } from './exports.routes.js';
export { exportOneRoster, type OneRosterExportRequest } from './exports.usecases.js';
