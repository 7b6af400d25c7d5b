import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Config, defaultThrottle, loadConfig } from '../../config.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../clock.js';
import { createTestJobQueue } from '../jobs/testing.js';
import type { DatabaseHandle } from '../db/database.js';
import { TEST_PASSWORD } from './world.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), webDir: '/nonexistent', dataDir: mkdtempSync(join(tmpdir(), 'preau-test-')), throttle: { ...defaultThrottle }, ...overrides };
}

/** An app on a test database with a fixed clock; `jobs: true` runs the background job queue too. */
export async function testApp(database: DatabaseHandle, overrides: Partial<Config> = {}, options: { jobs?: boolean } = {}) {
  const clock = fixedClock('2026-11-25T10:00:00.000Z');
  const jobs = createTestJobQueue(database);
  const { app, ctx } = await buildApp({ config: testConfig(overrides), database, clock, jobs, startJobs: options.jobs === true });
  await app.ready();
  return { app, ctx, clock };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

let ipCounter = 0;
/** Each login comes from its own address so the per-IP throttle of one test never trips another. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export async function loginAs(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: nextIp() });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'preau_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `preau_session=${setCookie.value}`;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
