import type { Readable } from 'node:stream';
import type { PersonnelFunction, Profile } from '@preau/contracts';
import { parse } from 'csv-parse';
import type { EstablishmentFeed, FeedPerson, FeedRejection, FeedStructure } from '../feed.js';
import { UnusableFileError } from '../feed.js';
import { type CsvColumn, REQUIRED, functionFromLabel, mapHeader, profileFromFileName } from './csv-columns.js';

export interface CsvInput {
  name: string;
  stream: Readable | AsyncIterable<Buffer>;
  /** Overrides the profile guessed from the file name. */
  profile?: Profile;
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (Excel's French default). */
async function* decode(stream: Readable | AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (!decoder) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 4)));
        decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
      } catch {
        decoder = new TextDecoder('windows-1252');
      }
    }
    yield decoder.decode(bytes, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

/** The separator used by the header line: semicolon (French Excel), comma or tab. */
function separatorOf(firstLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

const list = (value: string | undefined) => (value ?? '').split(/[|,]/).map((v) => v.trim()).filter(Boolean);

function toIsoDate(value: string): string | null {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return date.getUTCMonth() + 1 === Number(m) && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/**
 * CSV files for schools without the national feeds: one file per profile, documented columns,
 * separator and encoding detected. Streams rows; a bad line is rejected with its number, never guessed.
 */
export async function parseCsv(inputs: CsvInput[], options: { uai: string }): Promise<EstablishmentFeed> {
  const feed: EstablishmentFeed = { uai: options.uai, source: 'csv', covers: [], structures: [], subjects: [], people: [], relations: [], rejected: [] };
  const structures = new Map<string, FeedStructure>();
  const seen = new Set<string>();
  for (const input of inputs) {
    const profile = input.profile ?? profileFromFileName(input.name);
    if (!profile || !REQUIRED[profile]) {
      throw new UnusableFileError(input.name, 'unknown_profile', `${input.name}: cannot tell which profile this file holds; name it eleves.csv, responsables.csv, enseignants.csv or personnels.csv, or give --profile.`);
    }
    if (!feed.covers.includes(profile)) feed.covers.push(profile);
    let columns: Map<CsvColumn, number> | null = null;
    let parser: ReturnType<typeof parse> | null = null;
    const reject = (line: number, reason: string, detail: string) => feed.rejected.push({ file: input.name, line, reason, detail } satisfies FeedRejection);
    const rows: AsyncIterable<{ record: string[]; info: { lines: number } }> = (async function* () {
      for await (const text of decode(input.stream)) {
        if (!parser) {
          parser = parse({ delimiter: separatorOf(text.split(/\r?\n/)[0] ?? ''), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true });
        }
        parser.write(text);
        let out: { record: string[]; info: { lines: number } } | null;
        while ((out = parser.read())) yield out;
      }
      if (parser) {
        parser.end();
        let out: { record: string[]; info: { lines: number } } | null;
        while ((out = parser.read())) yield out;
      }
    })();
    for await (const { record, info } of rows) {
      if (!columns) {
        columns = mapHeader(record);
        const missing = REQUIRED[profile].filter((c) => !columns?.has(c));
        if (missing.length) throw new UnusableFileError(input.name, 'missing_columns', `${input.name}: missing column(s) ${missing.join(', ')} for this profile (see the template).`);
        continue;
      }
      const cols = columns;
      const get = (c: CsvColumn) => (cols.has(c) ? (record[cols.get(c)!] ?? '').trim() : '');
      const line = info.lines;
      const id = get('id');
      if (!id || !get('lastName') || !get('firstName')) {
        reject(line, 'missing_field', 'Identifiant, Nom and Prénom are required');
        continue;
      }
      if (seen.has(`${profile}|${id}`)) {
        reject(line, 'duplicate_id', `identifier ${id} appears twice`);
        continue;
      }
      seen.add(`${profile}|${id}`);
      const birth = get('birthDate');
      const birthDate = birth ? toIsoDate(birth) : null;
      if (birth && !birthDate) {
        reject(line, 'invalid_date', `date of birth "${birth}" is not dd/mm/yyyy`);
        continue;
      }
      if (profile === 'student' && !birthDate) {
        reject(line, 'missing_field', 'a student needs a date of birth');
        continue;
      }
      const email = get('email');
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        reject(line, 'invalid_email', `"${email}" is not an e-mail address`);
        continue;
      }
      const functions = list(get('functions')).map(functionFromLabel).filter((f): f is PersonnelFunction => !!f);
      const classes = profile === 'student' ? list(get('classes')).slice(0, 1) : list(get('classes'));
      const groups = list(get('groups'));
      const subjects = list(get('subjects'));
      for (const c of classes) if (!structures.has(c)) structures.set(c, { code: c, kind: 'class', name: c });
      for (const g of groups) if (!structures.has(g)) structures.set(g, { code: g, kind: 'teaching_group', name: g });
      for (const s of subjects) if (!feed.subjects.some((x) => x.code === s)) feed.subjects.push({ code: s, name: s });
      const person: FeedPerson = {
        externalId: `${profile}:${id}`,
        nationalId: get('nationalId') || null,
        profile,
        functions,
        firstName: get('firstName'),
        lastName: get('lastName'),
        birthDate,
        email: email || null,
        phone: get('phone') || null,
        classes: profile === 'teacher' ? [] : classes,
        groups,
        teachings: profile === 'teacher' ? classes.flatMap((c) => subjects.map((s) => ({ structure: c, subjectCode: s }))) : undefined,
        origin: { file: input.name, line },
      };
      feed.people.push(person);
      if (profile === 'relative') {
        const guardian = !/^(non|no|0|false)$/i.test(get('legalGuardian'));
        for (const child of list(get('children'))) {
          feed.relations.push({ relativeExternalId: `relative:${id}`, studentExternalId: `student:${child}`, legalGuardian: guardian, financial: false, contact: true });
        }
      }
    }
    if (!columns) throw new UnusableFileError(input.name, 'empty', `${input.name}: the file is empty.`);
  }
  feed.structures = [...structures.values()];
  return feed;
}
