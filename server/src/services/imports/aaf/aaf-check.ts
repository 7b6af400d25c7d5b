import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { UnusableFileError } from '../feed.js';
import { openXml } from '../sources/xml-stream.js';
import { AAF_ROOT } from './aaf-format.js';
import { aafFiles } from './aaf-files.js';

/**
 * The immediate check of an upload: every file is named as an AAF file and is a ficAlimMENESR
 * document. Only the start of each file is read; its records are checked by the background run.
 */
export async function checkAafFiles(paths: string[]): Promise<void> {
  const { files } = aafFiles(paths);
  for (const file of files) {
    const stream = createReadStream(file.path);
    try {
      const xml = await openXml({ name: basename(file.path), stream }, new Set());
      await xml.records.return(undefined);
      if (xml.root.name !== AAF_ROOT) {
        throw new UnusableFileError(file.name, 'wrong_root', `${file.name}: the root element is <${xml.root.name}>, expected <${AAF_ROOT}> (AAF feed).`);
      }
    } finally {
      stream.destroy();
    }
  }
}
