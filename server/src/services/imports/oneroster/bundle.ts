import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { UnusableFileError } from '../feed.js';
import { ONEROSTER_FILES, type OneRosterFile } from './spec.js';

export interface BundleInput {
  name: string;
  stream: Readable | AsyncIterable<Uint8Array>;
}

/** One CSV file of the bundle: its header (column → index) and its rows with their line numbers. */
export interface CsvTable {
  file: string;
  columns: Map<string, number>;
  rows: { line: number; values: string[] }[];
}

export interface RawBundle {
  name: string;
  manifest: CsvTable | null;
  tables: Map<OneRosterFile, CsvTable>;
}

export interface BundleLimits {
  /** Decompressed bytes accepted in all: a guard against zip bombs. */
  maxInflatedBytes: number;
}
export const DEFAULT_LIMITS: BundleLimits = { maxInflatedBytes: 2 * 1024 ** 3 };

const WANTED = new Map<string, OneRosterFile | 'manifest'>([
  ['manifest.csv', 'manifest'],
  ...(Object.keys(ONEROSTER_FILES).filter((f) => f !== 'manifest') as OneRosterFile[]).map((f) => [`${f}.csv`, f] as const),
]);
const ZIP_SIGNATURES = ['504b0304', '504b0506'];

export function cell(table: CsvTable, row: { values: string[] }, column: string): string {
  const index = table.columns.get(column);
  return index === undefined ? '' : (row.values[index] ?? '').trim();
}

/**
 * Reads one CSV entry as it is inflated: UTF-8 (the binding's only encoding) decoded chunk by chunk,
 * csv-parse fed as the bytes arrive, rows kept as arrays of strings. Nothing holds the whole file.
 */
class EntryReader {
  readonly table: CsvTable;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  private header: string[] | null = null;
  error: Error | null = null;
  /** The entry's last bytes arrived: a truncated archive never says so. */
  complete = false;

  constructor(
    private readonly bundle: string,
    file: string,
  ) {
    this.table = { file, columns: new Map(), rows: [] };
    this.parser.on('error', (error) => {
      this.error ??= error;
    });
  }

  push(chunk: Uint8Array, final: boolean) {
    if (this.error) return;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: !final });
    } catch {
      throw new UnusableFileError(this.bundle, 'not_utf8', `${this.bundle}: ${this.table.file} is not UTF-8 text (OneRoster files are UTF-8).`);
    }
    if (text) this.parser.write(text);
    if (final) {
      this.complete = true;
      this.parser.end();
    }
    this.drain();
  }

  private drain() {
    let out: { record: string[]; info: { lines: number } } | null;
    while ((out = this.parser.read())) {
      if (!this.header) {
        this.header = out.record.map((h) => h.replace(/^\uFEFF/, '').trim());
        this.header.forEach((h, i) => {
          if (!this.table.columns.has(h)) this.table.columns.set(h, i);
        });
        continue;
      }
      this.table.rows.push({ line: out.info.lines, values: out.record });
    }
  }

  /** Errors of csv-parse are emitted on a later tick: checked once the whole archive was read. */
  async finish(): Promise<void> {
    if (!this.complete) throw new UnusableFileError(this.bundle, 'corrupt_zip', `${this.bundle}: the archive ends in the middle of ${this.table.file} (truncated download?).`);
    await new Promise((resolve) => setImmediate(resolve));
    this.drain();
    if (this.error) {
      const line = (this.error as { lines?: number }).lines;
      throw new UnusableFileError(this.bundle, 'invalid_csv', `${this.bundle}: ${this.table.file} is not valid CSV${line ? ` near line ${line}` : ''} (${this.error.message}).`);
    }
    if (!this.header) throw new UnusableFileError(this.bundle, 'empty', `${this.bundle}: ${this.table.file} is empty (it needs at least its header line).`);
  }
}

/**
 * Streams a OneRoster zip: entries are inflated as the archive's bytes arrive (fflate's Unzip) and
 * parsed at once, so memory holds the parsed rows, never the archive nor a whole file. Unknown
 * entries (outcomes, resources, a README) are skipped without being inflated.
 */
export async function readBundle(input: BundleInput, limits: BundleLimits = DEFAULT_LIMITS): Promise<RawBundle> {
  const readers = new Map<string, EntryReader>();
  let failure: Error | null = null;
  let inflated = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    const base = file.name.split('/').pop() ?? '';
    const kind = WANTED.get(base);
    if (!kind || file.name.startsWith('__MACOSX/')) return;
    if (readers.has(base)) {
      failure ??= new UnusableFileError(input.name, 'duplicate_entry', `${input.name}: the archive holds ${base} twice.`);
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      failure ??= new UnusableFileError(input.name, 'unsupported_compression', `${input.name}: ${base} uses a compression method other than deflate.`);
      return;
    }
    const reader = new EntryReader(input.name, base);
    readers.set(base, reader);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new UnusableFileError(input.name, 'corrupt_zip', `${input.name}: ${base} cannot be decompressed (${error.message}).`);
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        failure = new UnusableFileError(input.name, 'too_large', `${input.name}: the archive decompresses to more than ${limits.maxInflatedBytes} bytes.`);
        return;
      }
      try {
        reader.push(chunk, final);
      } catch (caught) {
        failure = caught as Error;
      }
    };
    file.start();
  };

  // The first four bytes tell a zip from anything else; they may arrive over several chunks.
  let head: Uint8Array | null = new Uint8Array(0);
  const push = (bytes: Uint8Array, final: boolean) => {
    try {
      unzip.push(bytes, final);
    } catch (caught) {
      failure ??= new UnusableFileError(input.name, 'corrupt_zip', `${input.name}: the zip archive is damaged (${(caught as Error).message}).`);
    }
    if (failure) throw failure;
  };
  for await (const chunk of input.stream) {
    let bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(chunk as string);
    if (head) {
      bytes = Buffer.concat([head, bytes]);
      if (bytes.length < 4) {
        head = bytes;
        continue;
      }
      head = null;
      if (!ZIP_SIGNATURES.includes(Buffer.from(bytes.subarray(0, 4)).toString('hex'))) {
        throw new UnusableFileError(input.name, 'not_zip', `${input.name}: this is not a zip archive (a OneRoster bundle is a .zip holding manifest.csv and the CSV files).`);
      }
    }
    push(bytes, false);
  }
  if (head) throw new UnusableFileError(input.name, 'not_zip', `${input.name}: the file is empty or too short to be a zip archive.`);
  push(new Uint8Array(0), true);

  const bundle: RawBundle = { name: input.name, manifest: null, tables: new Map() };
  for (const [base, reader] of readers) {
    await reader.finish();
    const kind = WANTED.get(base)!;
    if (kind === 'manifest') bundle.manifest = reader.table;
    else bundle.tables.set(kind, reader.table);
  }
  return bundle;
}
