export { duplicatesGrants } from './duplicates.policy.js';
export { duplicatesRoutes } from './duplicates.routes.js';
export { type DetectionScope, detectDuplicates } from './duplicates.detect.js';
