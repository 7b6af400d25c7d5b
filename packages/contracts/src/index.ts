export * from './profiles.js';
export * from './rights.js';
export * from './pagination.js';
export * from './errors.js';
export * from './auth.js';
export * from './me.js';
export * from './directory.js';
export * from './admin.js';
