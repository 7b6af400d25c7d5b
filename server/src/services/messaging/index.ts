export { messagingGrants } from './messaging.policy.js';
export { messagingRoutes } from './messaging.routes.js';
export { filesRoutes as messagingFilesRoutes } from './files/files.routes.js';
export { blobStore } from './files/blob-store.js';
