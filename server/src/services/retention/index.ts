export { DEFAULT_LEFT_RETENTION_DAYS, purgeLeavers } from './retention.js';
export { registerRetentionJobs, scheduleRetention } from './retention.jobs.js';
