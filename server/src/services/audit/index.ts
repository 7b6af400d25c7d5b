export { recordAudit, type AuditRecord } from './audit.queries.js';
export { auditGrants } from './audit.policy.js';
export { auditRoutes } from './audit.routes.js';
