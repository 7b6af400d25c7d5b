import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfPct: number;
}
export interface ProfileSummary {
  file: string;
  /** Samples inside the measured windows (whole profile if the clocks did not line up). */
  samples: number;
  windowed: boolean;
  /** Share of samples where the main thread had nothing to run (waiting on I/O, e.g. PostgreSQL). */
  idlePct: number;
  /** Share of non-idle samples per area: a package, a Préau folder, GC, node internals. */
  areas: HotSpot[];
  functions: HotSpot[];
}

function areaOf(url: string, fn: string, root: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('node:')) return 'node internals';
  if (path.startsWith(root)) return relative(root, path).split('/').slice(0, 4).join('/');
  return path;
}

/**
 * Self time per function and per area, only counting samples taken while autocannon was running
 * (V8's profile clock and process.hrtime are both CLOCK_MONOTONIC on Linux, so windows line up).
 */
export function summariseProfile(dir: string, root: string, windowsNs: [bigint, bigint][]): ProfileSummary | null {
  // tsx's loader runs in a worker thread that gets its own (nearly idle) profile: take the main one, the largest.
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const file = files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  if (!file) return null;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const windows = windowsNs.map(([a, b]) => [Number(a / 1000n), Number(b / 1000n)] as const);
  const inWindow = (t: number) => windows.some(([a, b]) => t >= a && t <= b);
  let t = profile.startTime;
  const picked: number[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (inWindow(t)) picked.push(profile.samples[i]);
  }
  const windowed = picked.length > 0;
  const ids = windowed ? picked : profile.samples;
  const fnCount = new Map<string, number>();
  const areaCount = new Map<string, number>();
  let busy = 0;
  for (const id of ids) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy++;
    const area = areaOf(url, functionName, root);
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '').replace(`${root}/`, '')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    fnCount.set(name, (fnCount.get(name) ?? 0) + 1);
    areaCount.set(area, (areaCount.get(area) ?? 0) + 1);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, c]) => ({ name, selfPct: Math.round((1000 * c) / Math.max(1, busy)) / 10 }));
  const idlePct = Math.round((1000 * (ids.length - busy)) / Math.max(1, ids.length)) / 10;
  return { file: join(dir, file), samples: ids.length, windowed, idlePct, areas: top(areaCount, 12), functions: top(fnCount, 15) };
}
