import { UnusableFileError } from '../feed.js';
import { type CsvTable, type RawBundle, cell } from './bundle.js';
import { MANIFEST_VERSION, ONEROSTER_VERSION, type OneRosterFile, type ProcessingMode } from './spec.js';

/** Files Préau needs as complete snapshots: without them a bulk import would read absences as departures. */
export const REQUIRED_BULK: OneRosterFile[] = ['orgs', 'users', 'roles', 'classes', 'enrollments'];
const OPTIONAL: OneRosterFile[] = ['academicSessions', 'courses', 'demographics'];

export interface Manifest {
  modes: Map<string, ProcessingMode>;
  systemName: string | null;
  systemCode: string | null;
}

function properties(table: CsvTable): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of table.rows) map.set(cell(table, row, 'propertyName'), cell(table, row, 'value'));
  return map;
}

/**
 * Checks the manifest: OneRoster 1.2 (manifest 1.0), every file Préau needs present in bulk mode.
 * Delta bundles are refused: they list changes only, and Préau applies complete snapshots (what is
 * absent from a bulk file has left), so a delta would be read as everyone else leaving.
 */
export function checkManifest(bundle: RawBundle): Manifest {
  const name = bundle.name;
  if (!bundle.manifest) throw new UnusableFileError(name, 'no_manifest', `${name}: no manifest.csv in the archive; this is not a OneRoster bundle.`);
  const table = bundle.manifest;
  if (!table.columns.has('propertyName') || !table.columns.has('value')) {
    throw new UnusableFileError(name, 'invalid_manifest', `${name}: manifest.csv must have the columns propertyName,value.`);
  }
  const props = properties(table);
  const version = props.get('oneroster.version');
  if (version !== ONEROSTER_VERSION) {
    throw new UnusableFileError(
      name,
      'wrong_version',
      `${name}: the manifest says oneroster.version ${version ? `"${version}"` : '(missing)'}; Préau reads OneRoster ${ONEROSTER_VERSION} bundles.`,
    );
  }
  const manifestVersion = props.get('manifest.version');
  if (manifestVersion !== MANIFEST_VERSION) {
    throw new UnusableFileError(name, 'wrong_version', `${name}: the manifest says manifest.version ${manifestVersion ? `"${manifestVersion}"` : '(missing)'}; expected ${MANIFEST_VERSION}.`);
  }
  const modes = new Map<string, ProcessingMode>();
  for (const [key, value] of props) {
    if (!key.startsWith('file.')) continue;
    const mode = value.toLowerCase();
    if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent') {
      throw new UnusableFileError(name, 'invalid_manifest', `${name}: ${key} is "${value}"; expected bulk, delta or absent.`);
    }
    modes.set(key.slice(5), mode);
  }
  for (const file of [...REQUIRED_BULK, ...OPTIONAL]) {
    const mode = modes.get(file) ?? 'absent';
    if (mode === 'delta') {
      throw new UnusableFileError(name, 'delta_not_supported', `${name}: ${file}.csv is a delta; Préau imports complete (bulk) snapshots only.`);
    }
    if (REQUIRED_BULK.includes(file) && mode !== 'bulk') {
      throw new UnusableFileError(name, 'missing_file', `${name}: Préau needs ${file}.csv as a bulk file (the manifest says ${mode}).`);
    }
    if (mode === 'bulk' && !bundle.tables.has(file)) {
      throw new UnusableFileError(name, 'missing_file', `${name}: the manifest lists ${file}.csv but the archive does not hold it.`);
    }
  }
  // A file the manifest calls absent is not read, even when the archive happens to hold it.
  for (const file of [...bundle.tables.keys()]) if (modes.get(file) !== 'bulk') bundle.tables.delete(file);
  return { modes, systemName: props.get('source.systemName') || null, systemCode: props.get('source.systemCode') || null };
}
