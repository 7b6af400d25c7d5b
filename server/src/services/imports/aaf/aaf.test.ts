import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock.js';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { runAafImport } from './aaf-run.js';
import type { AafSection } from './aaf-report.js';

const fixtures = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const JEAN_MOULIN = '0750001U';
const LUMIERE = '0750002V';

const rejectionsOf = (section: AafSection | undefined) => (section?.report?.rejected.items ?? []).map((r) => `${r.reason}:${r.externalId ?? ''}:${r.file}#${r.line}`).sort();

describeEachDatabase('AAF import: an académie feed, establishment by establishment', (database) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;
  const run = async (dir: string, apply: boolean, uai?: string) => {
    const sections: AafSection[] = [];
    const report = await runAafImport(db(), clock, { files: [fixtures(dir)], apply, uai, onSection: (s) => void sections.push(s) });
    return { report, sections, section: (u: string) => sections.find((s) => s.uai === u) };
  };
  const loginsIn = async (uai: string) =>
    (
      await db()
        .selectFrom('memberships')
        .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
        .innerJoin('people', 'people.id', 'memberships.person_id')
        .select(['people.first_name', 'people.last_name', 'memberships.profile'])
        .where('establishments.uai', '=', uai)
        .execute()
    )
      .map((r) => `${r.profile}:${r.first_name} ${r.last_name}`)
      .sort();
  const groupsOf = async (firstName: string) =>
    (
      await db()
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .innerJoin('people', 'people.id', 'group_members.person_id')
        .select('groups.name')
        .where('people.first_name', '=', firstName)
        .execute()
    )
      .map((g) => g.name)
      .sort();

  beforeAll(async () => {
    await insertWorld(db(), {
      establishments: [
        { id: 'jean-moulin', uai: JEAN_MOULIN, name: 'Collège Jean Moulin', type: 'college' },
        { id: 'lumiere', uai: LUMIERE, name: 'Lycée Lumière', type: 'lycee' },
      ],
      people: [],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
  });

  let dry: Awaited<ReturnType<typeof run>>;
  it('a dry run reports every establishment, refuses the one not on the platform, and writes nothing', async () => {
    dry = await run('year1', false);
    expect(dry.sections.map((s) => `${s.uai}:${s.status}`)).toEqual([`0690001B:refused`, `${JEAN_MOULIN}:planned`, `${LUMIERE}:planned`]);
    expect(dry.section('0690001B')?.message).toContain('0690001B is not on this platform');
    expect(dry.section('0690001B')?.accounts).toBe(1);
    const moulin = dry.section(JEAN_MOULIN)?.report;
    expect(moulin?.created.items.map((c) => `${c.profile}:${c.name}`).sort()).toEqual([
      'personnel:Hélène ROUSSEAU',
      'relative:Anne LEFÈVRE',
      'relative:Paul LEFÈVRE',
      'relative:Sofia D\'ALMEIDA',
      'student:Jean-Baptiste D\'ALMEIDA',
      'student:Léa DUPONT',
      'student:Maël MARTIN',
      'student:Œnone LEFÈVRE', // ISO-8859-15: Œ is 0xBC there (¼ in ISO-8859-1)
      'teacher:Claire BERNARD',
    ]);
    const eleves = 'ENT_0750_Complet_20260901_Eleve_0000.xml';
    expect(rejectionsOf(dry.section(JEAN_MOULIN))).toEqual([
      `duplicate_id:E2:${eleves}#6`,
      `invalid_date:E5:${eleves}#5`,
      `missing_field:E4:${eleves}#4`,
      `unknown_structure::${eleves}#3`,
    ]);
    expect(moulin?.rejected.items.find((r) => r.reason === 'unknown_structure')?.detail).toContain('class 6Z is not declared by 0750001U');
    expect(dry.report.rejected.items.map((r) => `${r.reason}:${r.externalId}:${r.line}`)).toEqual(['unknown_structure:E8:9']);
    // Each establishment is planned against the database as it is: Anne and Claire count in both.
    expect(dry.report.totals).toMatchObject({ establishments: 2, refused: 1, created: 12, rejected: 5 });
    expect(await loginsIn(JEAN_MOULIN)).toEqual([]);
    const staging = await db().selectFrom('aaf_staging').select('run_id').execute();
    expect(staging).toEqual([]);
  });

  it('applying creates the accounts, classes, guardians in two households, teachings; the shared relative is one account', async () => {
    const applied = await run('year1', true);
    expect(applied.report.totals).toMatchObject({ establishments: 2, refused: 1, created: 10 });
    expect(await loginsIn(LUMIERE)).toEqual(['relative:Anne LEFÈVRE', 'student:Zoé LEFÈVRE', 'teacher:Claire BERNARD']);
    const lumiere = applied.section(LUMIERE)?.report;
    // Anne and Claire already have their account from Jean Moulin: linked, not duplicated.
    expect(lumiere?.created.items.map((c) => c.name)).toEqual(['Zoé LEFÈVRE']);
    expect(lumiere?.updated.items.map((u) => u.name).sort()).toEqual(['Anne LEFÈVRE', 'Claire BERNARD']);
    const guardians = await db()
      .selectFrom('relatives')
      .innerJoin('people as r', 'r.id', 'relatives.relative_id')
      .innerJoin('people as s', 's.id', 'relatives.student_id')
      .select(['r.first_name as relative', 'relatives.legal_guardian', 'relatives.relationship'])
      .where('s.first_name', '=', 'Œnone')
      .orderBy('r.first_name')
      .execute();
    expect(guardians).toEqual([
      { relative: 'Anne', legal_guardian: 1, relationship: 'mother' },
      { relative: 'Paul', legal_guardian: 1, relationship: 'father' },
    ]);
    expect(await groupsOf('Œnone')).toEqual(['6A', 'LATIN']);
    expect(await groupsOf('Maël')).toEqual([]); // 6Z is not a class of the collège
    const sixA = await db().selectFrom('groups').select(['level', 'kind']).where('name', '=', '6A').executeTakeFirstOrThrow();
    expect(sixA).toEqual({ level: '6EME', kind: 'class' });
    const teaching = await db()
      .selectFrom('teachings')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .innerJoin('groups', 'groups.id', 'teachings.group_id')
      .select(['subjects.name', 'groups.name as group'])
      .orderBy('groups.name')
      .execute();
    expect(teaching).toEqual([
      { name: 'MATHEMATIQUES', group: '2NDE3' },
      { name: 'MATHEMATIQUES', group: '6A' },
    ]);
    const head = await db().selectFrom('person_functions').innerJoin('people', 'people.id', 'person_functions.person_id').select(['people.last_name', 'function']).execute();
    expect(head).toEqual([{ last_name: 'ROUSSEAU', function: 'head' }]);
    // Each establishment has its own history entry, applied in its own transaction.
    const history = await db().selectFrom('import_runs').select(['uai', 'status']).where('source', '=', 'aaf').where('dry_run', '=', 0).where('establishment_id', 'is not', null).execute();
    expect(history.map((h) => `${h.uai}:${h.status}`).sort()).toEqual([`${JEAN_MOULIN}:applied`, `${LUMIERE}:applied`]);
  });

  it('the same feed again changes nothing', async () => {
    const again = await run('year1', true);
    expect(again.report.totals).toMatchObject({ created: 0, updated: 0, moved: 0, deactivated: 0 });
    for (const s of again.sections) expect(s.report?.relations.added ?? 0).toBe(0);
  });

  it('a delta feed: a class change, a leaver (deleteRequest), a new e-mail for a relative, an unknown person', async () => {
    clock.set('2026-10-15T06:00:00.000Z');
    const delta = await run('delta', true);
    expect(delta.report.mode).toBe('delta');
    const moulin = delta.section(JEAN_MOULIN)?.report as NonNullable<AafSection['report']>;
    expect(moulin.moved.items.map((m) => `${m.name}:${m.from.join(',')}→${m.to.join(',')}`)).toEqual(['Œnone LEFÈVRE:6A,LATIN→5B,LATIN']);
    expect(moulin.deactivated.items.map((d) => `${d.name}:${d.reason}`)).toEqual(['Léa DUPONT:left']);
    expect(moulin.updated.items.flatMap((u) => u.changes.map((c) => `${u.name}:${c.field}:${c.to}`))).toEqual(['Paul LEFÈVRE:email:paul.lefevre@example.org']);
    expect(delta.report.rejected.items.map((r) => `${r.reason}:${r.externalId}`)).toEqual(['unknown_person:E404']);
    // Absent from a delta is not gone: the others stay.
    expect(delta.report.totals.deactivated).toBe(1);
    expect(await groupsOf('Œnone')).toEqual(['5B', 'LATIN']);
    const lea = await db().selectFrom('people').select(['state', 'left_at']).where('first_name', '=', 'Léa').executeTakeFirstOrThrow();
    expect(lea).toEqual({ state: 'left', left_at: '2026-10-15T06:00:00.000Z' });
    expect(await loginsIn(JEAN_MOULIN)).not.toContain('student:Léa DUPONT');
  });

  it('--uai imports one establishment of the feed; a UAI the feed does not cover is refused', async () => {
    const one = await run('year1', false, LUMIERE);
    expect(one.sections.map((s) => s.uai)).toEqual([LUMIERE]);
    expect(one.section(LUMIERE)?.report?.created.count).toBe(0);
    await expect(run('year1', false, '0750003W')).rejects.toThrow(/not on this platform/);
  });
});

