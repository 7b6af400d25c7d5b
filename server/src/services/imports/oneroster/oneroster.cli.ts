import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/db/database.js';
import { findEstablishmentByUai } from '../imports.queries.js';
import { UnknownEstablishmentError, runImport } from '../imports.usecases.js';
import type { ImportReport } from '../report.js';
import { readOneRosterFile } from './index.js';

/**
 * `preau import oneroster bundle.zip`: every school of the bundle (or only `uai`), each in its own
 * run and transaction. Every school must be on the platform before anything is planned or applied,
 * so a bundle is never half imported because of a missing establishment.
 */
export async function importOneRosterBundle(db: Db, clock: Clock, file: string, options: { uai?: string; apply: boolean }): Promise<ImportReport[]> {
  const feeds = await readOneRosterFile(file, { uai: options.uai, today: clock.now().toISOString().slice(0, 10) });
  const missing: string[] = [];
  for (const feed of feeds) if (!(await findEstablishmentByUai(db, feed.uai))) missing.push(feed.uai);
  if (missing.length) throw new UnknownEstablishmentError(missing.join(', '));
  const reports: ImportReport[] = [];
  for (const feed of feeds) reports.push((await runImport(db, clock, feed, { apply: options.apply, files: [file], requestedBy: null })).report);
  return reports;
}
