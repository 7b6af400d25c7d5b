export { authGrants } from './auth.policy.js';
export { authRoutes, clientOf, clearSessionCookie } from './auth.routes.js';
export { changePassword } from './auth.usecases.js';
export { hashPassword, meetsPasswordPolicy } from './passwords.js';
