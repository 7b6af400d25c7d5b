import type { Db } from '../kernel/db/database.js';
import type { EstablishmentBuilder } from './builder.js';
import { buildDemoEstablishment, DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, DEMO_LOGINS, type DemoAccount, demoPeople } from './demo.js';
import { insertRows, isDatabaseEmpty } from './insert.js';
import { createContext, type SeedContext } from './people.js';
import { Rng } from './prng.js';
import { seedSchoolLife } from './school-life.js';
import { seedGrades } from '../services/grades/grades.seed.js';
import { seedAttendance } from '../services/attendance/attendance.seed.js';
import { seedReportCards } from '../services/report-cards/report-cards.seed.js';
import { seedSkills } from '../services/skills/index.js';
import { seedDiscipline } from '../services/discipline/discipline.seed.js';
import { seedJustification } from '../services/attendance/justification/justification.seed.js';
import { addCounts, emptyCounts, type TableCounts } from './rows.js';
import { type SeedEstablishmentType, SHAPES } from './shapes.js';

export { isDatabaseEmpty, resetDatabase } from './insert.js';
export { DEMO_ACCOUNTS, DEMO_LOGINS, type DemoAccount } from './demo.js';

export const DEFAULT_SEED = 2026;

export interface SeedDemoOptions {
  password: string;
  seed?: number;
  /** The run's clock: timestamps, activation expiry and the school year that sets birth dates. */
  now?: Date;
}

export interface SeedPlatformOptions extends SeedDemoOptions {
  /** Establishments in total, the three demo ones included (so at least 3). */
  establishments: number;
  onProgress?(done: number, total: number): void;
  /** Establishment transactions in flight at once (default 2); SQLite serialises them anyway. */
  concurrency?: number;
}

export interface SeedSummary {
  seed: number;
  establishments: Record<SeedEstablishmentType, number>;
  /** People rows, i.e. accounts. */
  accounts: number;
  /** Rows inserted per table. */
  tables: TableCounts;
  /** Membership rows per profile (a person holding two profiles counts in both). */
  profiles: Record<string, number>;
  demoLogins: DemoAccount[];
  elapsedMs: number;
}

/** The default demo: a collège (where the demo accounts live), an école and a lycée. */
export function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedSummary> {
  return seedPlatform(db, { ...options, establishments: DEMO_ESTABLISHMENTS });
}

/** Mix of the generated establishments after the demo ones, close to the national one. */
const MIX: [SeedEstablishmentType, number][] = [
  ['ecole', 50],
  ['college', 35],
  ['lycee', 15],
];

function buildGenerated(ctx: SeedContext, index: number): EstablishmentBuilder {
  // Each establishment draws from its own stream: establishment n is the same whatever N is.
  const rng = new Rng(ctx.seed, index);
  return SHAPES[rng.weighted(MIX)](ctx, rng);
}

/**
 * Builds an empty platform of `establishments` establishments: the demo ones, then a generated
 * mix. Same seed (and `now`) ⇒ same rows, ids included. Each establishment is generated in memory
 * and inserted in its own transaction with multi-row inserts; logins stay unique across the run.
 */
export async function seedPlatform(db: Db, options: SeedPlatformOptions): Promise<SeedSummary> {
  const started = performance.now();
  const total = options.establishments;
  if (!Number.isInteger(total) || total < DEMO_ESTABLISHMENTS) {
    throw new RangeError(`establishments must be an integer ≥ ${DEMO_ESTABLISHMENTS} (got ${total})`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer in [0, 2^32) (got ${seed})`);
  if (!(await isDatabaseEmpty(db))) throw new Error('The database already has establishments: seeding needs an empty database.');

  const now = options.now ?? new Date();
  const ctx = createContext(seed, now, DEMO_LOGINS);
  const demo = await demoPeople(options.password);
  const shared: { inspectorId?: string } = {};
  const summary: SeedSummary = {
    seed,
    establishments: { college: 0, ecole: 0, lycee: 0 },
    accounts: 0,
    tables: emptyCounts(),
    profiles: {},
    demoLogins: DEMO_ACCOUNTS,
    elapsedMs: 0,
  };

  // Generation is sequential (logins and ids depend on order); inserts overlap on PostgreSQL, a few
  // transactions at a time, so the server writes while the next establishment is being built.
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  let failure: { error: unknown } | undefined;
  for (let index = 0; index < total && !failure; index++) {
    const b = index < DEMO_ESTABLISHMENTS ? buildDemoEstablishment(ctx, index, demo, shared) : buildGenerated(ctx, index);
    summary.establishments[b.establishment.type as SeedEstablishmentType]++;
    addCounts(summary.tables, b.rows);
    for (const m of b.rows.memberships) summary.profiles[m.profile] = (summary.profiles[m.profile] ?? 0) + 1;
    const job: Promise<void> = db
      .transaction()
      .execute((trx) => insertRows(trx, b.rows))
      .then(
        () => options.onProgress?.(++done, total),
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    // The demo establishments go one by one: the lycée refers to the inspector the collège creates.
    const limit = index < DEMO_ESTABLISHMENTS ? 1 : Math.max(1, options.concurrency ?? 2);
    while (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  // Timetable and cahier de textes of the demo collège, so the demo accounts have a school life.
  await seedSchoolLife(db, { seed, now, teacherLogin: 'demo.teacher', studentLogin: 'demo.student' });
  // Grades of demo.student's class, so the grades page has something to show.
  await seedGrades(db, { seed, now, studentLogin: 'demo.student' });
  // Registers of 5B's past weeks with a few absences, and demo.teacher's registers of today to take.
  await seedAttendance(db, { seed, now, teacherLogin: 'demo.teacher', studentLogin: 'demo.student' });
  // Those events are history: nothing is announced at start; demo.parent justifies the unjustified one.
  await seedJustification(db, { now });
  // A published incident and detention for demo.student (and an unpublished remark).
  await seedDiscipline(db, { seed, now, teacherLogin: 'demo.teacher', studentLogin: 'demo.student' });
  // The first trimester's bulletins of that class, published, so demo.parent can download one.
  await seedReportCards(db, { seed, now, studentLogin: 'demo.student' });
  // A few skill assessments for the same class (one beside a graded assessment per subject).
  await seedSkills(db, { seed, now, studentLogin: 'demo.student' });
  summary.accounts = summary.tables.people;
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
