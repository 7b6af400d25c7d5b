import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  databaseKind: 'sqlite' | 'postgres';
  dataDir: string;
  demoPassword: string;
  demoPasswordFromEnv: boolean;
  /** Serve the built web client from this folder when it exists. */
  webDir: string;
  trustProxy: boolean;
  /** Published over HTTPS (PREAU_PUBLIC_URL starts with https://): HSTS and upgrade-insecure-requests. */
  https: boolean;
  publicUrl: string | null;
  session: { idleMinutes: number; absoluteHours: number };
  throttle: ThrottleConfig;
  logLevel: string;
  /** Days after which the accounts of people who left are deleted (the ENT arrêté: three months). */
  leftRetentionDays: number;
  /** Compressed PDF streams (tests read them uncompressed). */
  compressPdf: boolean;
  /**
   * Redis (PREAU_REDIS_URL, or REDIS_URL): shared by several Préau processes for cache invalidation
   * and real-time delivery. Without it each process works alone (one process, or a demo).
   */
  redisUrl: string | null;
  /** Prefix of Préau's Redis channels (PREAU_REDIS_PREFIX), so several installations can share one Redis. */
  redisPrefix: string;
  /** Seconds a process may reuse a session and its actor without reading the database (0: never). */
  sessionCacheSeconds: number;
}

export interface ThrottleConfig {
  /** Failures allowed per login before the first temporary lock. */
  accountFailures: number;
  /** Failures allowed per IP address (a school's NAT shares one) before the first lock. */
  ipFailures: number;
  /** First lock length; each further failure doubles it up to maxLockSeconds. */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
}

export const DEFAULT_DEMO_PASSWORD = 'Preau-Demo-2026!';

export const defaultThrottle: ThrottleConfig = {
  accountFailures: 5,
  ipFailures: 50,
  baseLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  windowMinutes: 15,
};

function int(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.PREAU_DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL ?? join(dataDir, 'preau.sqlite');
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseKind: /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite',
    dataDir,
    demoPassword: env.PREAU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demoPasswordFromEnv: env.PREAU_DEMO_PASSWORD !== undefined,
    webDir: resolve(env.PREAU_WEB_DIR ?? 'dist/web'),
    trustProxy: env.PREAU_TRUST_PROXY === '1',
    https: (env.PREAU_PUBLIC_URL ?? '').startsWith('https://'),
    publicUrl: env.PREAU_PUBLIC_URL ?? null,
    session: { idleMinutes: int(env.PREAU_SESSION_IDLE_MINUTES, 120), absoluteHours: int(env.PREAU_SESSION_ABSOLUTE_HOURS, 12) },
    throttle: defaultThrottle,
    logLevel: env.LOG_LEVEL ?? 'info',
    compressPdf: env.PREAU_PDF_COMPRESS !== '0',
    leftRetentionDays: int(env.PREAU_RETENTION_LEFT_DAYS, 90),
    redisUrl: env.PREAU_REDIS_URL ?? env.REDIS_URL ?? null,
    redisPrefix: env.PREAU_REDIS_PREFIX ?? 'preau',
    sessionCacheSeconds: int(env.PREAU_SESSION_CACHE_SECONDS, 5),
  };
}
