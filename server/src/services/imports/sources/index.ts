import { type ReadStream, createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Profile } from '@preau/contracts';
import type { EstablishmentFeed, ImportSource } from '../feed.js';
import { UnusableFileError } from '../feed.js';
import { parseOneRoster } from '../oneroster/index.js';
import { parseCsv } from './csv.js';
import { parseSiecle } from './siecle.js';
import { parseSts } from './sts.js';

export const SUPPORTED_SOURCES: ImportSource[] = ['siecle', 'sts', 'csv', 'oneroster', 'aaf'];

/** Reads files of one source into one establishment's feed. */
export async function readFeed(source: string, files: string[], options: { uai?: string; profile?: Profile }): Promise<EstablishmentFeed> {
  const opened: ReadStream[] = [];
  const open = (file: string) => {
    const stream = createReadStream(file);
    opened.push(stream);
    return { name: basename(file), stream };
  };
  try {
    return await readOpened(source, files, options, open);
  } finally {
    // A file refused before it was read must still be closed, or its stream errors later, unheard.
    for (const stream of opened) {
      stream.on('error', () => {}); // the file may already be gone (its upload was refused)
      stream.destroy();
    }
  }
}

function readOpened(
  source: string,
  files: string[],
  options: { uai?: string; profile?: Profile },
  open: (file: string) => { name: string; stream: ReadStream },
): Promise<EstablishmentFeed> {
  switch (source) {
    case 'siecle':
      return parseSiecle(files.map(open), { expectedUai: options.uai });
    case 'sts': {
      if (files.length !== 1) throw new UnusableFileError(files.join(', '), 'one_file', 'STS-web: give exactly one sts_emp_<UAI>_<year>.xml file.');
      return parseSts(open(files[0]), { expectedUai: options.uai });
    }
    case 'csv': {
      if (!options.uai) throw new UnusableFileError(files.join(', '), 'uai_required', 'CSV files do not name their establishment: give --uai.');
      return parseCsv(files.map((f) => ({ ...open(f), profile: options.profile })), { uai: options.uai });
    }
    case 'oneroster':
      return readOneRoster(files, options.uai, open);
    case 'aaf':
      // An académie feed never becomes one in-memory feed: it is staged and imported by runAafImport.
      throw new UnusableFileError(files.join(', '), 'academy_feed', 'AAF feeds are imported establishment by establishment: use preau import aaf.');
    default:
      throw new UnusableFileError(files.join(', '), 'unsupported_source', `The ${source} import is not available yet; available: ${SUPPORTED_SOURCES.join(', ')}.`);
  }
}

/** One school of a OneRoster bundle: the one whose UAI is given, or the bundle's only school. */
async function readOneRoster(files: string[], uai: string | undefined, open: (file: string) => { name: string; stream: ReadStream }): Promise<EstablishmentFeed> {
  if (files.length !== 1) throw new UnusableFileError(files.join(', '), 'one_bundle', 'OneRoster: give exactly one bundle (.zip).');
  const feeds = await parseOneRoster(open(files[0]), { uai });
  if (feeds.length > 1) {
    throw new UnusableFileError(files[0], 'several_schools', `${files[0]}: the bundle describes ${feeds.length} schools (${feeds.map((f) => f.uai).join(', ')}); choose one with --uai.`);
  }
  return feeds[0];
}
