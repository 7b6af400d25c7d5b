import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli.js';

const dir = mkdtempSync(join(tmpdir(), 'preau-cli-duplicates-'));
const env = { PREAU_DATA_DIR: join(dir, 'data') };

async function preau(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...m) => void out.push(m.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...m) => void err.push(m.join(' ')));
  try {
    return { code: await runCli(args, env), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('preau duplicates (command line)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an applied import reports its new proposals; detect finds nothing more and refuses an unknown UAI', async () => {
    const students = join(dir, 'eleves.csv');
    writeFileSync(students, 'Identifiant;Nom;Prénom;Date de naissance;Classe\n1;Lefèvre;Zoé;02/04/2013;5B\n2;LEFEVRE;Zoe;2013-04-02;5B\n');
    expect((await preau('establishment', 'add', '0061234J', 'Collège Jules Ferry', '--type', 'college')).code).toBe(0);
    const applied = await preau('import', 'csv', students, '--uai', '0061234J', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/proposals\s+1/);
    const detect = await preau('duplicates', 'detect', '--uai', '0061234J');
    expect([detect.code, detect.stdout]).toEqual([0, '0 new duplicate proposal(s); review them in the admin console (Doublons).']);
    expect((await preau('duplicates', 'detect')).code).toBe(0);
    const unknown = await preau('duplicates', 'detect', '--uai', '0750001U');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('0750001U is not on this platform');
    expect((await preau('duplicates', 'merge')).code).toBe(2);
  });
});
