/**
 * Browser journeys against the real server and the built web client.
 *   npx tsx e2e/run.ts              (builds dist/web first only if it is missing)
 * Env: PREAU_CHROMIUM (browser path, default /usr/bin/chromium), PREAU_E2E_ONLY (run journeys whose
 * name contains this text), PREAU_E2E_CONCURRENCY (default 4).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { accountJourneys } from './journeys/account';
import { accountStateJourneys, adminJourneys } from './journeys/admin';
import { adminConsoleJourneys } from './journeys/admin-console';
import { authJourneys } from './journeys/auth';
import { directoryJourneys } from './journeys/directory';
import { duplicatesJourneys } from './journeys/duplicates';
import { establishmentsJourneys } from './journeys/establishments';
import { importsJourneys } from './journeys/imports';
import { legalJourneys } from './journeys/legal';
import { homeworkJourneys } from './journeys/homework';
import { gradesJourneys } from './journeys/grades';
import { attendanceJourneys } from './journeys/attendance-register';
import { reportCardJourneys } from './journeys/report-card';
import { homeworkHandinJourneys } from './journeys/homework-handin';
import { attendanceJustifyJourneys } from './journeys/attendance-justify';
import { messagingJourneys } from './journeys/messaging';
import { timelineJourneys } from './journeys/timeline';
import { portalJourneys } from './journeys/portal';
import { runJourneys } from './support/runner';
import { type RunningServer, startServer } from './support/server';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PASSWORD = 'E2e-Demo-Passw0rd!';
const OVERALL_TIMEOUT_MS = 5 * 60_000;

const journeys = [
  ...portalJourneys,
  ...authJourneys,
  ...accountJourneys,
  ...directoryJourneys,
  ...adminJourneys,
  ...accountStateJourneys,
  ...importsJourneys,
  ...duplicatesJourneys,
  ...establishmentsJourneys,
  ...legalJourneys,
  ...messagingJourneys,
  ...timelineJourneys,
  ...homeworkJourneys,
  ...gradesJourneys,
  ...attendanceJourneys,
  ...reportCardJourneys,
  ...homeworkHandinJourneys,
  ...attendanceJustifyJourneys,
  // Last: it hides the directory from the collège's students for a moment (see the journey).
  ...adminConsoleJourneys,
].filter((j) => !process.env.PREAU_E2E_ONLY || j.name.includes(process.env.PREAU_E2E_ONLY));

function ensureWebBuild(): void {
  if (existsSync(join(repoRoot, 'dist/web/index.html'))) return;
  console.log('dist/web is missing: building the web client…');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

let activeServer: RunningServer | null = null;

async function main(): Promise<boolean> {
  const started = Date.now();
  ensureWebBuild();
  const server = await startServer({ repoRoot, demoPassword: DEMO_PASSWORD });
  activeServer = server;
  console.log(`server ready at ${server.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const browser = await chromium.launch({
    executablePath: process.env.PREAU_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const ok = await runJourneys(browser, journeys, {
      baseUrl: server.baseUrl,
      demoPassword: DEMO_PASSWORD,
      concurrency: Number(process.env.PREAU_E2E_CONCURRENCY ?? 4),
      artifactsDir: join(repoRoot, 'e2e/artifacts'),
    });
    if (!ok) console.log(`screenshots of failures: e2e/artifacts/\n--- last server output ---\n${server.logs().slice(-3000)}`);
    return ok;
  } finally {
    await browser.close();
    await server.stop();
    console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// However this process ends (Ctrl-C, a closed pipe, a crash), the server must not outlive it.
process.on('exit', () => activeServer?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(130));
}
process.stdout.on('error', () => process.exit(1)); // e.g. `| head` closed the pipe

const guard = setTimeout(() => {
  console.error(`e2e run exceeded ${OVERALL_TIMEOUT_MS / 1000} s`);
  // Do not leave the server's process group running behind us.
  void (activeServer?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
}, OVERALL_TIMEOUT_MS);
guard.unref();

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
