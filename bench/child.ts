import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  logFile: string;
  /** CPU seconds the process has used so far (user, system); null where /proc is missing. */
  cpuSeconds(): { user: number; system: number } | null;
  stop(): Promise<void>;
}

/** utime + stime from /proc/<pid>/stat (Linux), in clock ticks of 1/100 s. */
function procCpuSeconds(pid: number): { user: number; system: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return null;
  }
}

const running = new Set<ChildProcess>();
// If the harness dies (error, Ctrl-C), never leave a server behind holding a port or the database.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port the OS says is free now; the child binds it a moment later (small race, fine on a bench box). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  name: string;
  /** Repository root: the child's cwd, so tsx finds tsconfig.json (paths) like `npx tsx` would. */
  root: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** Path polled until it answers 200. */
  readyPath: string;
  readyTimeoutMs: number;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
  logDir: string;
}

/**
 * `node --import tsx <script>` rather than `npx tsx`: one process, no npm wrapper in between, so
 * SIGTERM reaches the server itself (its graceful close flushes --cpu-prof) and both the baseline
 * and Préau pay exactly the same runtime costs.
 */
export async function startNodeServer(o: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  mkdirSync(o.logDir, { recursive: true });
  const logFile = join(o.logDir, `${o.name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...(o.nodeFlags ?? []), '--import', 'tsx', o.script], {
    cwd: o.root,
    env: { ...o.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(() => {
    running.delete(child);
    log.end();
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + o.readyTimeoutMs;
  let dead = false;
  exited.then(() => {
    dead = true;
  });
  for (;;) {
    if (dead) throw new Error(`${o.name} exited during start-up; log ${logFile}:\n${tail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${o.name} not ready after ${o.readyTimeoutMs} ms; log ${logFile}:\n${tail}`);
    }
    try {
      const res = await fetch(url + o.readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    name: o.name,
    url,
    pid: child.pid ?? -1,
    logFile,
    cpuSeconds: () => (child.pid ? procCpuSeconds(child.pid) : null),
    async stop() {
      if (dead) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
