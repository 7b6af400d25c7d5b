import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { findEstablishmentByUai } from '../imports/imports.queries.js';
import { UnknownEstablishmentError } from '../imports/index.js';
import { exportOneRoster } from './exports.usecases.js';

/**
 * `preau export oneroster [--uai UAI] --out file.zip`: one establishment, or the whole platform.
 * Written to a temporary file renamed at the end, so a failed export never leaves a truncated zip.
 */
export async function exportOneRosterToFile(db: Db, clock: Clock, options: { uai?: string; out: string; demographics: boolean }): Promise<string> {
  let scope: { kind: 'establishment'; establishmentId: string } | { kind: 'platform' } = { kind: 'platform' };
  if (options.uai) {
    const establishment = await findEstablishmentByUai(db, options.uai);
    if (!establishment) throw new UnknownEstablishmentError(options.uai);
    scope = { kind: 'establishment', establishmentId: establishment.id };
  }
  const { stream } = await exportOneRoster(db, clock, { scope, uai: options.uai, demographics: options.demographics, actorId: null, ip: null, via: 'cli' });
  const partial = `${options.out}.part`;
  try {
    await pipeline(stream, createWriteStream(partial));
    renameSync(partial, options.out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return options.out;
}
