import { createReadStream } from 'node:fs';
import type { Db } from '../../../kernel/db/database.js';
import { type AafFileKind, readAafFile } from './aaf-format.js';
import type { AafFile } from './aaf-files.js';
import { type AafDirectory, emptyDirectory, type Interpreted, interpretPersonRecord, readNomenclatureRecord, readStructureRecord, type StagedKind } from './aaf-records.js';
import { AafStager } from './aaf-staging.js';

const PERSON_KINDS: Partial<Record<AafFileKind, StagedKind>> = { Eleve: 'student', PersRelEleve: 'relative', PersEducNat: 'staff' };

export interface ReadProgress {
  file: string;
  records: number;
  staged: number;
}

/**
 * Streams every file into staging. With `onlyUai`, records of other establishments are skipped as
 * they are read (relatives: those the kept students do not name), so a one-establishment import of
 * an académie feed stages just that establishment.
 */
export async function stageAafFeed(
  db: Db,
  runId: string,
  files: AafFile[],
  options: { onlyUai?: string; delta: boolean; onProgress?: (p: ReadProgress) => void | Promise<void> },
): Promise<{ directory: AafDirectory; stager: AafStager; kinds: Set<AafFileKind> }> {
  const directory = emptyDirectory();
  const stager = new AafStager(db, runId);
  const kinds = new Set<AafFileKind>();
  const { onlyUai } = options;
  // Relatives named by the kept students, when one establishment is imported (its size, not the académie's).
  const namedRelatives = onlyUai && !options.delta ? new Set<string>() : null;
  let records = 0;
  for (const file of files) {
    kinds.add(file.kind);
    const stream = createReadStream(file.path, { highWaterMark: 256 * 1024 });
    try {
      for await (const record of readAafFile({ name: file.name, stream }, file.kind)) {
        records += 1;
        if (records % 20_000 === 0) await options.onProgress?.({ file: file.name, records, staged: stager.staged });
        if (file.kind === 'EtabEducNat') {
          for (const r of readStructureRecord(record, directory)) await stager.rejection(r);
          continue;
        }
        if (file.kind === 'MatEducNat' || file.kind === 'MefEducNat') {
          for (const r of readNomenclatureRecord(record, directory, file.kind === 'MatEducNat' ? 'subject' : 'mef')) await stager.rejection(r);
          continue;
        }
        const result: Interpreted = interpretPersonRecord(record, directory, PERSON_KINDS[file.kind]!);
        const person = result.person;
        if (onlyUai && person && !keepFor(onlyUai, person, namedRelatives)) continue;
        for (const r of result.rejections) if (!onlyUai || r.uai === onlyUai || r.uai === '') await stager.rejection(r);
        if (result.deleted) await stager.deleted(result.deleted.id, result.deleted.category);
        if (person) await stager.person(person);
      }
    } finally {
      stream.destroy();
    }
  }
  await stager.flush();
  await options.onProgress?.({ file: '', records, staged: stager.staged });
  return { directory, stager, kinds };
}

function keepFor(uai: string, person: NonNullable<Interpreted['person']>, namedRelatives: Set<string> | null): boolean {
  if (person.kind === 'relative') return !namedRelatives || namedRelatives.has(person.id);
  // A modifyRequest that does not say where the person is may concern this establishment.
  if (person.uai === '') return true;
  if (!(uai in person.data.at)) return false;
  if (person.kind === 'student') for (const r of person.data.relations ?? []) namedRelatives?.add(r.id);
  // Only this establishment's part of a teacher working in several.
  person.data.at = { [uai]: person.data.at[uai] };
  person.uai = uai;
  return true;
}
