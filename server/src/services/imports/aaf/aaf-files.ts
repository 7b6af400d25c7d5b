import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UnusableFileError } from '../feed.js';
import { AAF_KINDS, type AafFileKind, fileKindOf, isDeltaFile } from './aaf-format.js';

export interface AafFile {
  path: string;
  name: string;
  kind: AafFileKind;
}

/**
 * The files of a feed, from file names or a directory (its *.xml files; the DTD and anything else
 * are ignored), in reading order: establishments and nomenclatures first, then students, staff,
 * and relatives last, so that references can be checked as records stream by.
 */
export function aafFiles(paths: string[]): { files: AafFile[]; delta: boolean } {
  const listed: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (/\.xml$/i.test(name)) listed.push(join(path, name));
    } else listed.push(path);
  }
  const files: AafFile[] = [];
  for (const path of listed) {
    const kind = fileKindOf(path);
    if (!kind) {
      throw new UnusableFileError(
        basename(path),
        'unknown_file_kind',
        `${basename(path)}: the name does not say which AAF file it is (expected …_EtabEducNat_…, _Eleve_, _PersRelEleve_, _PersEducNat_, _MatEducNat_ or _MefEducNat_).`,
      );
    }
    files.push({ path, name: basename(path), kind });
  }
  if (!files.some((f) => f.kind === 'Eleve' || f.kind === 'PersEducNat' || f.kind === 'PersRelEleve')) {
    throw new UnusableFileError(paths.join(', '), 'no_people_file', 'The AAF feed has no Eleve, PersEducNat or PersRelEleve file.');
  }
  files.sort((a, b) => AAF_KINDS.indexOf(a.kind) - AAF_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name));
  return { files, delta: files.some((f) => isDeltaFile(f.path)) };
}
