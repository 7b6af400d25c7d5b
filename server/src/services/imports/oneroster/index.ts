import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { EstablishmentFeed } from '../feed.js';
import { type BundleInput, type BundleLimits, DEFAULT_LIMITS, readBundle } from './bundle.js';
import { checkManifest } from './manifest.js';
import { mapBundle } from './mapping.js';

export { ONEROSTER_FILES, EXTENSIONS, LEVEL_GRADES, MANIFEST_FILES, MANIFEST_VERSION, ONEROSTER_VERSION, schoolYearOf } from './spec.js';
export { roleOf } from './roles.js';

export interface OneRosterOptions {
  /** Import only this school of the bundle (its UAI); a bundle without it is refused. */
  uai?: string;
  /** Date written as the departure of records marked tobedeleted (YYYY-MM-DD); today by default. */
  today?: string;
  limits?: BundleLimits;
}

/**
 * Reads a OneRoster 1.2 CSV bundle (a zip) into one feed per school it describes: streamed, checked
 * (manifest, versions, bulk files), mapped to Préau's profiles, classes and relations.
 */
export async function parseOneRoster(input: BundleInput, options: OneRosterOptions = {}): Promise<EstablishmentFeed[]> {
  const bundle = await readBundle(input, options.limits ?? DEFAULT_LIMITS);
  checkManifest(bundle);
  return mapBundle(bundle, { uai: options.uai, today: options.today ?? new Date().toISOString().slice(0, 10) });
}

/** Every school of a bundle on disk (the CLI imports each of them). */
export async function readOneRosterFile(path: string, options: OneRosterOptions = {}): Promise<EstablishmentFeed[]> {
  const stream = createReadStream(path);
  try {
    return await parseOneRoster({ name: basename(path), stream }, options);
  } finally {
    stream.on('error', () => {});
    stream.destroy();
  }
}
