import type { Config } from '../config.js';
import type { Rights } from './auth/rights.js';
import type { SessionStore } from './auth/session-store.js';
import type { Clock } from './clock.js';
import type { Db, DatabaseKind } from './db/database.js';
import type { JobQueue } from './jobs/index.js';

/** What every service receives: no hidden globals, so tests build one with a fixed clock. */
export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  clock: Clock;
  config: Config;
  rights: Rights;
  /** Background jobs (imports…): pg-boss on PostgreSQL, a table-backed queue on SQLite. */
  jobs: JobQueue;
  /** Sessions → actors, cached per process; revocations go through it so every process forgets at once. */
  sessions: SessionStore;
}
