import autocannon from 'autocannon';
import { Samples, round } from './stats.js';

export interface Step {
  /** Short label for the per-step latency breakdown. */
  label: string;
  path: string;
  /** GET unless said otherwise; a POST sends `body` as JSON with the session's CSRF token. */
  method?: 'GET' | 'POST';
  body?: string;
}

export interface LoadSpec {
  url: string;
  /** Requests each connection sends in a loop (one step = one request). */
  steps: Step[];
  /** One cookie header per virtual user; connection i uses cookies[i % length]. */
  cookies: string[];
  /** The CSRF token of each of those sessions (same order), for POST steps. */
  csrfTokens?: string[];
  connections: number;
  /** Seconds of load before the measured window, on the same connections. */
  warmup: number;
  /** Seconds of the measured window. */
  duration: number;
}

/** Called at the edges of the measured window (e.g. to read the server's CPU time). */
export interface WindowHooks {
  onStart?(): void;
  onEnd?(): void;
}

export interface StepLatency {
  label: string;
  path: string;
  count: number;
  p50: number;
  p99: number;
}

export interface LoadResult {
  /** Responses completed in the measured window per second (every HTTP request, all steps). */
  reqPerSec: number;
  /** Whole sequences per second (reqPerSec / steps): "page loads" for multi-request scenarios. */
  sequencesPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  steps: StepLatency[];
  /**
   * Connections whose first response only came inside the measured window, and p99 without those
   * first responses: a saturated Node server admits new connections slowly, which can dominate p99.
   */
  lateConnections: { count: number; slowestFirstMs: number; p99WithoutFirst: number };
  /** process.hrtime window of the measurement, to cut the server's CPU profile to it. */
  windowNs: [bigint, bigint];
}

/**
 * Each connection replays `steps` in order forever with its own session cookie (pipelining 1), so a
 * connection is one browser tab loading the page again and again. Per-step latencies come from the
 * response order: with one request in flight per connection, the k-th response is step k mod n.
 *
 * Warm-up and measurement are one autocannon run, split by time: a fresh run would open 50 new
 * connections against a saturated server, and Node admits new connections slowly under load (their
 * first response can wait seconds), which would put connection set-up, not steady state, in p99.
 */
export async function runLoad(spec: LoadSpec, hooks: WindowHooks = {}): Promise<LoadResult> {
  const all = new Samples();
  const afterFirst = new Samples();
  let lateCount = 0;
  let slowestFirst = 0;
  const perStep = spec.steps.map(() => new Samples());
  const position = new WeakMap<object, number>();
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let measuring = false;
  let next = 0;
  let windowStart = 0n;
  let windowEnd = 0n;

  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    // A little slack after the window so that autocannon's stop does not cut into it.
    duration: spec.warmup + spec.duration + 0.5,
    pipelining: 1,
    timeout: 10,
    requests: spec.steps.map((s) => ({ method: s.method ?? 'GET', path: s.path })),
    setupClient(client) {
      const i = next++ % spec.cookies.length;
      const cookie = spec.cookies[i];
      const csrf = spec.csrfTokens?.[i] ?? '';
      client.setRequests(
        spec.steps.map((s) =>
          s.method === 'POST'
            ? { method: 'POST', path: s.path, body: s.body, headers: { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrf } }
            : { method: 'GET', path: s.path, headers: { cookie, accept: 'application/json' } },
        ),
      );
    },
  };
  // The callback form returns the instance, whose events carry each response and its exact latency.
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (client, status, _bytes, responseTime) => {
    const k = position.get(client) ?? 0;
    position.set(client, k + 1);
    if (!measuring) return;
    all.add(responseTime);
    if (k === 0) {
      lateCount++;
      slowestFirst = Math.max(slowestFirst, responseTime);
    } else afterFirst.add(responseTime);
    perStep[k % spec.steps.length].add(responseTime);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  instance.on('reqError', (error: Error) => {
    if (!measuring) return;
    errors++;
    if (/timed out/.test(error.message)) timeouts++;
  });
  const startTimer = setTimeout(() => {
    hooks.onStart?.();
    windowStart = process.hrtime.bigint();
    measuring = true;
  }, spec.warmup * 1000);
  const endTimer = setTimeout(
    () => {
      measuring = false;
      windowEnd = process.hrtime.bigint();
      hooks.onEnd?.();
    },
    (spec.warmup + spec.duration) * 1000,
  );
  try {
    await finished;
  } finally {
    clearTimeout(startTimer);
    clearTimeout(endTimer);
  }
  if (windowEnd === 0n) throw new Error('autocannon stopped before the end of the measured window');

  const seconds = Number(windowEnd - windowStart) / 1e9;
  const [p50, p90, p99, max] = all.percentiles([50, 90, 99, 100]);
  const non2xx = Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith('2') ? n : n + count), 0);
  return {
    reqPerSec: round(all.count / seconds, 1),
    sequencesPerSec: round(all.count / seconds / spec.steps.length, 1),
    p50: round(p50),
    p90: round(p90),
    p99: round(p99),
    max: round(max),
    requests: all.count,
    non2xx,
    errors,
    timeouts,
    statusCodes,
    steps: spec.steps.map((s, i) => {
      const [a, b] = perStep[i].percentiles([50, 99]);
      return { label: s.label, path: s.path, count: perStep[i].count, p50: round(a), p99: round(b) };
    }),
    lateConnections: { count: lateCount, slowestFirstMs: round(slowestFirst), p99WithoutFirst: round(afterFirst.percentiles([99])[0]) },
    windowNs: [windowStart, windowEnd],
  };
}
