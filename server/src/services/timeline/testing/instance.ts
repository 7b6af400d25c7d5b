/**
 * One Préau process for the cross-process test: the real app on a PostgreSQL test schema, with
 * Redis. Process A runs the job queue (it fans events out) and exposes `POST /__test/emit` (outside
 * /api, only in this launcher) to emit an event as a service would; process B runs no jobs, so
 * whatever reaches B's streams came through Redis. Prints `{"port":…}` once listening.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../config.js';
import { buildApp } from '../../../kernel/app.js';
import { systemClock } from '../../../kernel/clock.js';
import { openDatabase } from '../../../kernel/db/database.js';
import { emitEvent, type PreauEvent } from '../../../kernel/events/index.js';
import { createJobQueue } from '../../../kernel/jobs/index.js';

const role = process.env.PREAU_TEST_ROLE;
const schema = process.env.PREAU_TEST_SCHEMA;
const url = process.env.DATABASE_URL;
if (!schema || !url || (role !== 'a' && role !== 'b')) throw new Error('PREAU_TEST_ROLE, PREAU_TEST_SCHEMA and DATABASE_URL are required');

const database = openDatabase({ url, schema, poolSize: 4 });
const config = { ...loadConfig(process.env), webDir: '/nonexistent', dataDir: mkdtempSync(join(tmpdir(), `preau-${role}-`)) };
const jobs = createJobQueue(database, { bossSchema: `${schema}_boss`, pollIntervalMs: 500, maintenanceIntervalSeconds: 1, logger: { warn: () => {}, error: (d, m) => console.error(m, d) } });
const { app } = await buildApp({ config, database, jobs, startJobs: role === 'a', notify: { pollIntervalMs: 100, heartbeatMs: 1000 } });
if (role === 'a') {
  app.post('/__test/emit', { config: { public: true } }, async (request) => {
    await database.db.transaction().execute((trx) => emitEvent(trx, request.body as PreauEvent, systemClock));
    return { ok: true };
  });
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
