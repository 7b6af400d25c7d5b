import { UnusableFileError } from '../feed';
import { toSchoolYear } from './dates';
import { attribute, childNode, childText, type XmlNode } from './xml-stream';

/** What the PARAMETRES block of a national export says about the establishment. */
export interface ExportHeader {
  uai: string;
  schoolYear: number | null;
}

/**
 * Reads PARAMETRES. SIECLE writes `<UAJ>0750042N</UAJ><ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>`;
 * STS-web writes `<UAJ CODE="0750042N"/><ANNEE_SCOLAIRE ANNEE="2026"/>`: both forms are accepted.
 */
export function readHeader(parametres: XmlNode, file: string, expectedUai?: string): ExportHeader {
  const uajNode = childNode(parametres, 'UAJ');
  const uai = (attribute(uajNode, 'CODE') ?? childText(parametres, 'UAJ'))?.toUpperCase();
  if (!uai) {
    throw new UnusableFileError(file, 'missing_uai', `${file}: PARAMETRES/UAJ (the establishment's UAI) is missing.`);
  }
  checkExpectedUai(uai, file, expectedUai);
  const yearNode = childNode(parametres, 'ANNEE_SCOLAIRE');
  const schoolYear = toSchoolYear(attribute(yearNode, 'ANNEE') ?? childText(parametres, 'ANNEE_SCOLAIRE'));
  return { uai, schoolYear };
}

export function checkExpectedUai(uai: string, file: string, expectedUai?: string): void {
  if (expectedUai && expectedUai.trim().toUpperCase() !== uai) {
    throw new UnusableFileError(
      file,
      'wrong_uai',
      `${file}: this export is for establishment ${uai}, not ${expectedUai.trim().toUpperCase()}.`,
    );
  }
}

/** Raised when a required PARAMETRES block never appeared. */
export function missingHeader(file: string): UnusableFileError {
  return new UnusableFileError(file, 'missing_uai', `${file}: the PARAMETRES block (UAJ, ANNEE_SCOLAIRE) is missing.`);
}

/** Raised when a file has a root element this parser does not read. */
export function wrongRoot(file: string, found: string, expected: string): UnusableFileError {
  return new UnusableFileError(
    file,
    'wrong_root',
    `${file}: the root element is <${found}>, expected ${expected}. Is this the right export?`,
  );
}
