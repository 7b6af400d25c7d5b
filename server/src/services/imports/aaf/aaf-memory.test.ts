import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../kernel/db/test-databases.js';
import { aafFiles } from './aaf-files.js';
import { stageAafFeed } from './aaf-read.js';

/**
 * Memory stays flat with the size of an académie feed: 60,000 students (about 50 MB of XML) are
 * streamed into staging while the heap is sampled; only the staged rows grow, in the database.
 */

const STUDENTS = 60_000;

function garbageCollector(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'preau-aaf-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeFeed() {
  const head = '<?xml version="1.0" encoding="ISO-8859-15"?>\n<ficAlimMENESR>\n';
  writeFileSync(
    join(dir, 'ENT_Complet_EtabEducNat_0000.xml'),
    Buffer.from(`${head}<addRequest><operationalAttributes><attr name="categorieStructure"><value>EtabEducNat</value></attr></operationalAttributes><identifier><id>S1</id></identifier><attributes><attr name="ENTStructureUAI"><value>0750001U</value></attr></attributes></addRequest>\n</ficAlimMENESR>\n`, 'latin1'),
  );
  const parts: Buffer[] = [Buffer.from(head, 'latin1')];
  for (let i = 0; i < STUDENTS; i++) {
    parts.push(
      Buffer.from(
        `<addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes><identifier><id>E${i}</id></identifier><attributes>
<attr name="ENTPersonJointure"><value>E${i}</value></attr><attr name="ENTEleveStructRattachId"><value>S1</value></attr><attr name="sn"><value>NOM${i} DE LA CHÂTAIGNERAIE</value></attr>
<attr name="givenName"><value>JEAN-FRANÇOIS</value></attr><attr name="ENTPersonDateNaissance"><value>14/03/2013</value></attr><attr name="ENTEleveClasses"><value>S1$6A</value></attr>
<attr name="ENTElevePersRelEleve"><value>R${i}$10$1$1$1$0</value></attr><attr name="ENTEleveAutoriteParentale"><value>R${i}</value></attr></attributes></addRequest>\n`,
        'latin1',
      ),
    );
  }
  parts.push(Buffer.from('</ficAlimMENESR>\n', 'latin1'));
  writeFileSync(join(dir, 'ENT_Complet_Eleve_0000.xml'), Buffer.concat(parts));
}

it('stages 60,000 students with a flat heap', async () => {
  writeFeed();
  const database = await createTestDatabase('sqlite');
  try {
    const gc = garbageCollector();
    gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peakGrowth = 0;
    const { files } = aafFiles([dir]);
    const { stager } = await stageAafFeed(database.db, 'run-memory', files, {
      delta: false,
      onProgress: () => {
        gc?.();
        peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
      },
    });
    expect(stager.staged).toBe(STUDENTS);
    // The students alone as objects would take well over 60 MB, the XML 50 MB: what the heap holds
    // is two batches of 1,000 rows and the parser's current chunk.
    expect(peakGrowth).toBeLessThan((gc ? 40 : 250) * 1024 * 1024);
  } finally {
    await database.close();
  }
}, 120_000);
