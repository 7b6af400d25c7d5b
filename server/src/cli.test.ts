import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from './cli.js';
import { bundleBytes } from './services/imports/oneroster/fixtures/bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'preau-cli-'));
const env = { PREAU_DATA_DIR: join(dir, 'data') };

/** Runs the command in this process, capturing what it prints. */
async function preau(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...m) => void out.push(m.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...m) => void err.push(m.join(' ')));
  try {
    const code = await runCli(args, env);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('preau command line', () => {
  const students = join(dir, 'eleves.csv');
  writeFileSync(students, 'Identifiant;Nom;Prénom;Date de naissance;Classe\n1;Lefèvre;Zoé;02/04/2013;5B\n2;Martin;Maël;31/02/2013;5B\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an import for an establishment that is not on the platform', async () => {
    const res = await preau('import', 'csv', students, '--uai', '0061234J');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('0061234J is not on this platform');
  });

  it('adds an establishment once, refusing a wrong check letter', async () => {
    expect((await preau('establishment', 'add', '0061234K', 'Collège X', '--type', 'college')).code).toBe(2);
    const added = await preau('establishment', 'add', '0061234J', 'Collège Jules Ferry', '--type', 'college');
    expect(added.code).toBe(0);
    const again = await preau('establishment', 'add', '0061234J', 'Collège Jules Ferry', '--type', 'college');
    expect(again.stdout).toContain('already exists');
  });

  it('dry run by default, apply with --apply, JSON report with counts and items', async () => {
    const dry = await preau('import', 'csv', students, '--uai', '0061234J', '--json');
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({ applied: false, created: { count: 1 }, updated: { count: 0 }, deactivated: { count: 0 }, rejected: { count: 1 } });
    expect(report.rejected.items[0]).toMatchObject({ line: 3, reason: 'invalid_date' });
    const applied = JSON.parse((await preau('import', 'csv', students, '--uai', '0061234J', '--json', '--apply')).stdout);
    expect(applied.created.items[0].login).toBe('zoe.lefevre');
    const twice = JSON.parse((await preau('import', 'csv', students, '--uai', '0061234J', '--json', '--apply')).stdout);
    expect(twice.created.count).toBe(0);
  });

  it('exits non-zero with a clear message when the files cannot be used', async () => {
    const missing = await preau('import', 'csv', join(dir, 'nope.csv'), '--uai', '0061234J');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const notZip = await preau('import', 'oneroster', students, '--uai', '0061234J');
    expect(notZip.code).toBe(1);
    expect(notZip.stderr).toContain('not a zip archive');
  });

  it('imports a OneRoster bundle (each school, dry run then --apply) and exports an establishment to a zip', async () => {
    const bundle = join(dir, 'tilleuls.zip');
    writeFileSync(bundle, bundleBytes());
    const unknown = await preau('import', 'oneroster', bundle);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('0750001U is not on this platform');
    await preau('establishment', 'add', '0750001U', 'Collège des Tilleuls', '--type', 'college');
    const dry = JSON.parse((await preau('import', 'oneroster', bundle, '--json')).stdout);
    expect(dry).toHaveLength(1);
    expect(dry[0]).toMatchObject({ applied: false, source: 'oneroster', establishment: { uai: '0750001U' }, created: { count: 7 }, rejected: { count: 5 } });
    const applied = await preau('import', 'oneroster', bundle, '--uai', '0750001U', '--apply');
    expect(applied.stdout).toContain('Applied — oneroster import for 0750001U');
    expect((await preau('export', 'oneroster', '--uai', '0750001U')).code).toBe(2);
    const out = join(dir, 'export.zip');
    const exported = await preau('export', 'oneroster', '--uai', '0750001U', '--out', out);
    expect(exported).toMatchObject({ code: 0, stdout: `OneRoster bundle of 0750001U written to ${out}.` });
    const users = strFromU8(unzipSync(readFileSync(out))['users.csv']);
    expect(users).toContain(',lea.fontaine,,Léa,Fontaine,Marie,1234567890A,lea.fontaine@example.org,');
  });

  it('runs the retention of leavers’ data, with a dry run', async () => {
    const dry = await preau('retention', 'run', '--dry-run');
    expect(dry).toMatchObject({ code: 0, stdout: '0 account(s) would be deleted.' });
    expect((await preau('retention', 'run', '--days', 'x')).code).toBe(2);
    expect((await preau('retention', 'run', '--days', '30')).stdout).toBe('0 account(s) deleted.');
  });

  it('sets the process exit code from the command (npm run preau)', async () => {
    const run = promisify(execFile);
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/src/preau.ts', 'import', 'csv', join(dir, 'nope.csv'), '--uai', '0061234J'], {
      env: { ...process.env, ...env },
    }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
  });
});
