export { adminGrants } from './admin.policy.js';
export { adminRoutes } from './admin.routes.js';
export { newActivationCode } from './activation-codes.js';
export { lettersRoutes } from './letters/letters.routes.js';
