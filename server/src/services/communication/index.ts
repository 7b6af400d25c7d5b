export { communicationGrants } from './communication.policy.js';
export { communicationRoutes } from './communication.routes.js';
export { DEFAULT_RULES, reachOf, type Reach } from './communication.rules.js';
export { loadRules } from './communication.queries.js';
export { groupMembers, groupRelatives, reachable, type PersonIds } from './communication.reach.js';
export { type AddressedIds, checkAddresses, reachOfActor, reachableGroups, reachablePeople } from './communication.usecases.js';
