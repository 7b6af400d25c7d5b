import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { runImport } from './imports.usecases.js';
import { parseSiecle } from './sources/siecle.js';
import { parseSts } from './sources/sts.js';

const fixture = (name: string) => ({ name, stream: createReadStream(fileURLToPath(new URL(`./sources/fixtures/${name}`, import.meta.url))) });
const siecle = () => parseSiecle([fixture('ElevesSansAdresses.xml'), fixture('ResponsablesAvecAdresses.xml')]);
const sts = () => parseSts(fixture('sts_emp_0750042N_2025.xml'));

describeEachDatabase('imports from real-shaped SIECLE and STS-web files', (database) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;

  it('SIECLE then STS-web build one establishment: students, relatives, classes, teachers teaching them', async () => {
    await insertWorld(db(), {
      establishments: [{ id: 'etab', uai: '0750042N', name: 'Collège des Fixtures', type: 'college' }],
      people: [],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
    const first = await runImport(db(), clock, await siecle(), { apply: true, files: [] });
    expect(first.report.created.count).toBeGreaterThan(5);
    expect(first.report.rejected.count).toBeGreaterThan(0);
    // The leaver (DATE_SORTIE) never gets an account.
    expect(first.report.created.items.map((c) => c.name).join(' ')).not.toContain('Noëlle');
    const teachers = await runImport(db(), clock, await sts(), { apply: true, files: [] });
    expect(teachers.report.created.items.filter((c) => c.profile === 'teacher').length).toBeGreaterThanOrEqual(3);
    const taught = await db()
      .selectFrom('teachings')
      .innerJoin('groups', 'groups.id', 'teachings.group_id')
      .select('groups.name')
      .distinct()
      .execute();
    expect(taught.map((t) => t.name)).toEqual(expect.arrayContaining(['6A', '6B']));
    // Classes created by SIECLE are the ones STS-web's services hang on: no duplicate 6A.
    const sixA = await db().selectFrom('groups').select('id').where('name', '=', '6A').execute();
    expect(sixA).toHaveLength(1);
  });

  it('importing the same files again changes nothing', async () => {
    const again = await runImport(db(), clock, await siecle(), { apply: true, files: [] });
    const teachers = await runImport(db(), clock, await sts(), { apply: true, files: [] });
    for (const { report } of [again, teachers]) {
      expect([report.created.count, report.updated.count, report.moved.count, report.deactivated.count, report.relations.added, report.teachings.added]).toEqual([0, 0, 0, 0, 0, 0]);
    }
  });
});
