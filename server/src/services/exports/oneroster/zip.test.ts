import { buffer } from 'node:stream/consumers';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvLine, list } from './csv.js';
import { zipStream } from './zip.js';

describe('OneRoster CSV and zip writing', () => {
  it('quotes only the fields that need it, lists included', () => {
    expect(csvLine(['a', null, undefined, 3, ''])).toBe('a,,,3,\r\n');
    expect(csvLine(['Lycée "Le Corbusier"', list(['MATHS', 'FRANC']), 'ligne\nsuivante', ' espace'])).toBe('"Lycée ""Le Corbusier""","MATHS,FRANC","ligne\nsuivante"," espace"\r\n');
  });

  it('streams a zip of lazily produced files, several pieces per file, that unzips to the same text', async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 20_000; i++) {
        produced++;
        yield csvLine([`id-${i}`, 'Élodie', 'Martin-Dupont', `élève ${i}`]);
      }
    }
    const stream = zipStream([{ name: 'users.csv', chunks: rows() }, { name: 'empty.csv', chunks: (async function* () {})() }], new Date('2026-11-25T10:00:00Z'));
    expect(produced).toBe(0); // nothing is read before the client reads
    const files = unzipSync(new Uint8Array(await buffer(stream)));
    const users = strFromU8(files['users.csv']);
    expect(users.split('\r\n')).toHaveLength(20_001);
    expect(users.startsWith('id-0,Élodie,Martin-Dupont,élève 0\r\n')).toBe(true);
    expect(strFromU8(files['empty.csv'])).toBe('');
  });
});
