import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ESTABLISHMENT_TYPES, PROFILES, type Profile } from '@preau/contracts';
import { loadConfig } from './config.js';
import { systemClock } from './kernel/clock.js';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './kernel/db/database.js';
import { newId } from './kernel/ids.js';
import { isValidUai, normalizeUai } from './services/directory/index.js';
import { type DetectionScope, detectDuplicates } from './services/duplicates/index.js';
import { UnusableFileError } from './services/imports/feed.js';
import { UnknownEstablishmentError, runImport } from './services/imports/imports.usecases.js';
import type { ImportReport } from './services/imports/report.js';
import { DEFAULT_LEFT_RETENTION_DAYS, purgeLeavers } from './services/retention/retention.js';
import { readFeed } from './services/imports/sources/index.js';
import { formatSection, formatTotals, runAafImport } from './services/imports/aaf/index.js';
import { importOneRosterBundle } from './services/imports/oneroster/oneroster.cli.js';
import { exportOneRosterToFile } from './services/exports/exports.cli.js';

const USAGE = `Usage:
  preau import <siecle|sts|aaf|csv|oneroster> <files…> [--uai UAI] [--apply] [--json] [--override-national] [--profile P]
  preau import aaf <files…|directory> [--uai UAI] [--apply] [--json]   an académie feed: every establishment, or --uai
  preau import oneroster <bundle.zip> [--uai UAI] [--apply] [--json]   every school of the bundle, or --uai
  preau export oneroster [--uai UAI] --out <file.zip> [--demographics]   one establishment, or the whole platform
  preau establishment add <UAI> "<name>" --type <${ESTABLISHMENT_TYPES.join('|')}> [--academy A] [--city C]
  preau retention run [--days 90] [--dry-run]   delete the accounts of people who left more than N days ago
  preau duplicates detect [--uai UAI]   look for probable duplicate accounts (proposed in the admin console, never merged here)

Without --apply an import is a dry run: it prints what it would do and changes nothing.`;

class UsageError extends Error {}

function printReport(report: ImportReport) {
  const line = (label: string, n: number) => console.log(`  ${label.padEnd(14)} ${n}`);
  console.log(`${report.applied ? 'Applied' : 'Dry run'} — ${report.source} import for ${report.establishment.uai} ${report.establishment.name}`);
  line('created', report.created.count);
  line('updated', report.updated.count);
  line('moved', report.moved.count);
  line('deactivated', report.deactivated.count);
  line('conflicts', report.conflicts.count);
  line('duplicates?', report.duplicates.count);
  if (report.applied) line('proposals', report.duplicateProposals);
  line('rejected', report.rejected.count);
  for (const u of report.updated.items.slice(0, 20)) {
    console.log(`  ~ ${u.name}: ${u.changes.map((c) => `${c.field} ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join(', ') || 'linked'}`);
  }
  for (const m of report.moved.items.slice(0, 20)) console.log(`  ⇄ ${m.name}: ${m.from.join(',') || '∅'} → ${m.to.join(',') || '∅'}`);
  for (const d of report.deactivated.items.slice(0, 20)) console.log(`  − ${d.name} (${d.profile}, ${d.reason})`);
  for (const c of report.conflicts.items.slice(0, 20)) {
    const wanted = c.changes.map((x) => `${x.field} ${x.from ?? '∅'} → ${x.to ?? '∅'}`).join(', ');
    console.log(`  ! ${c.name}: ${c.reason} (${c.detail})${wanted ? ` — not applied: ${wanted}` : ''}`);
  }
  for (const r of report.rejected.items.slice(0, 50)) console.log(`  ✗ ${r.file}:${r.line ?? '?'} ${r.reason} — ${r.detail}`);
  if (!report.applied) console.log('Nothing was changed. Run again with --apply to apply.');
}

async function importCommand(database: DatabaseHandle, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      uai: { type: 'string' },
      apply: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'override-national': { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  const [source, ...files] = positionals;
  if (!source || files.length === 0) throw new UsageError('import needs a source and at least one file.');
  for (const f of files) if (!existsSync(f)) throw new UnusableFileError(f, 'not_found', `${f}: no such file.`);
  if (source === 'aaf') return aafCommand(database, files, values);
  if (source === 'oneroster') return oneRosterCommand(database, files, values);
  if (values.profile && !PROFILES.includes(values.profile as Profile)) throw new UsageError(`unknown profile ${values.profile}`);
  const uai = values.uai ? normalizeUai(values.uai) : undefined;
  if (uai && !isValidUai(uai)) throw new UsageError(`${uai} is not a valid UAI (7 digits and the check letter).`);
  const feed = await readFeed(source, files, { uai, profile: values.profile as Profile | undefined });
  const { report } = await runImport(database.db, systemClock, feed, {
    apply: values.apply,
    files,
    requestedBy: null,
    overrideNationalSource: values['override-national'],
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}

/** An académie feed: every establishment it covers, or only --uai; progress on stderr, report on stdout. */
async function aafCommand(database: DatabaseHandle, files: string[], values: { uai?: string; apply: boolean; json: boolean }) {
  const uai = values.uai ? normalizeUai(values.uai) : undefined;
  if (uai && !isValidUai(uai)) throw new UsageError(`${uai} is not a valid UAI (7 digits and the check letter).`);
  // JSON is streamed section by section: an académie's report never has to fit in memory.
  const write = (text: string) => new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  let sections = 0;
  if (values.json) await write('{"establishments":[\n');
  const report = await runAafImport(database.db, systemClock, {
    files,
    uai,
    apply: values.apply,
    requestedBy: null,
    onProgress: (p) => {
      if (p.phase === 'reading') console.error(`AAF: ${p.read.records} records read, ${p.read.staged} people staged${p.read.file ? ` (${p.read.file})` : ''}`);
      else console.error(`AAF: ${p.done}/${p.total} ${p.section.uai} ${p.section.status}`);
    },
    onSection: async (section) => {
      if (values.json) await write(`${sections++ ? ',\n' : ''}${JSON.stringify(section)}`);
      else for (const line of formatSection(section)) console.log(line);
    },
  });
  if (values.json) {
    const { establishments: _summaries, ...rest } = report;
    await write(`\n],${JSON.stringify(rest).slice(1)}\n`);
  } else for (const line of formatTotals(report)) console.log(line);
}

/** A OneRoster bundle: one report per school (a JSON array, or one object with --uai). */
async function oneRosterCommand(database: DatabaseHandle, files: string[], values: { uai?: string; apply: boolean; json: boolean }) {
  if (files.length !== 1) throw new UsageError('import oneroster needs exactly one bundle (.zip).');
  const uai = values.uai ? normalizeUai(values.uai) : undefined;
  if (uai && !isValidUai(uai)) throw new UsageError(`${uai} is not a valid UAI (7 digits and the check letter).`);
  const reports = await importOneRosterBundle(database.db, systemClock, files[0], { uai, apply: values.apply });
  if (values.json) console.log(JSON.stringify(uai ? reports[0] : reports, null, 2));
  else for (const report of reports) printReport(report);
}

async function exportCommand(database: DatabaseHandle, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { uai: { type: 'string' }, out: { type: 'string' }, demographics: { type: 'boolean', default: false } } });
  if (positionals[0] !== 'oneroster' || positionals.length !== 1) throw new UsageError('export needs the format oneroster.');
  if (!values.out) throw new UsageError('export oneroster needs --out <file.zip>.');
  const uai = values.uai ? normalizeUai(values.uai) : undefined;
  if (uai && !isValidUai(uai)) throw new UsageError(`${uai} is not a valid UAI (7 digits and the check letter).`);
  const out = await exportOneRosterToFile(database.db, systemClock, { uai, out: values.out, demographics: values.demographics });
  console.log(`OneRoster bundle of ${uai ?? 'the whole platform'} written to ${out}${values.demographics ? ' (with birth dates)' : ''}.`);
}

async function establishmentCommand(database: DatabaseHandle, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { type: { type: 'string' }, academy: { type: 'string' }, city: { type: 'string' } },
  });
  const [verb, rawUai, name] = positionals;
  if (verb !== 'add' || !rawUai || !name) throw new UsageError('establishment add needs a UAI and a name.');
  const uai = normalizeUai(rawUai);
  if (!isValidUai(uai)) throw new UsageError(`${uai} is not a valid UAI (7 digits and the check letter).`);
  if (!values.type || !(ESTABLISHMENT_TYPES as readonly string[]).includes(values.type)) throw new UsageError(`--type must be one of ${ESTABLISHMENT_TYPES.join(', ')}.`);
  const existing = await database.db.selectFrom('establishments').select(['id', 'name']).where('uai', '=', uai).executeTakeFirst();
  if (existing) {
    console.log(`${uai} already exists (${existing.name}); nothing to do.`);
    return;
  }
  await database.db
    .insertInto('establishments')
    .values({ id: newId(), uai, name: name.trim(), type: values.type, academy: values.academy ?? null, address: null, postal_code: null, city: values.city ?? null, created_at: new Date().toISOString() })
    .execute();
  console.log(`Added ${uai} ${name.trim()} (${values.type}).`);
}

async function retentionCommand(database: DatabaseHandle, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { days: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  if (positionals[0] !== 'run') throw new UsageError('retention needs the verb run.');
  const days = values.days === undefined ? DEFAULT_LEFT_RETENTION_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 0) throw new UsageError('--days must be a whole number of days.');
  const count = await purgeLeavers(database.db, systemClock, { afterDays: days, dryRun: values['dry-run'] });
  console.log(values['dry-run'] ? `${count} account(s) would be deleted.` : `${count} account(s) deleted.`);
}

/** Duplicates are only proposed here: merging is an administrator's decision in the console. */
async function duplicatesCommand(database: DatabaseHandle, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { uai: { type: 'string' } } });
  if (positionals[0] !== 'detect') throw new UsageError('duplicates needs the verb detect.');
  let scope: DetectionScope = { all: true };
  if (values.uai) {
    const uai = normalizeUai(values.uai);
    const establishment = await database.db.selectFrom('establishments').select('id').where('uai', '=', uai).executeTakeFirst();
    if (!establishment) throw new UnknownEstablishmentError(uai);
    scope = { establishmentId: establishment.id };
  }
  const proposed = await detectDuplicates(database.db, systemClock, scope);
  console.log(`${proposed} new duplicate proposal(s); review them in the admin console (Doublons).`);
}

async function dispatch(argv: string[], env: NodeJS.ProcessEnv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(env);
  const database = openDatabase({ url: config.databaseUrl });
  try {
    await migrateToLatest(database);
    if (command === 'import') await importCommand(database, rest);
    else if (command === 'export') await exportCommand(database, rest);
    else if (command === 'establishment') await establishmentCommand(database, rest);
    else if (command === 'retention') await retentionCommand(database, rest);
    else if (command === 'duplicates') await duplicatesCommand(database, rest);
    else throw new UsageError(`unknown command ${command}`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Runs one command; the exit code is 0 when it could run, 2 for a usage error, 1 when the input cannot be used. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await dispatch(argv, env);
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof UnusableFileError || error instanceof UnknownEstablishmentError) console.error(error.message);
    else console.error(error);
    return error instanceof UsageError ? 2 : 1;
  }
}
