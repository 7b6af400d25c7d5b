export { directoryGrants } from './directory.policy.js';
export { directoryRoutes } from './directory.routes.js';
export { establishmentsRoutes } from './establishments.routes.js';
export { findEstablishment, isRelativeOf } from './directory.queries.js';
export { displayName, fold, loginBase, sortKey } from './names.js';
export { LoginAllocator, MemoryLoginAllocator } from './logins.js';
export { isValidUai, normalizeUai, uaiCheckLetter } from './uai.js';
export { EstablishmentRefs } from './establishment-refs.js';
