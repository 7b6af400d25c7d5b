import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Uploaded files are kept under the data directory, per run, between the dry run and its
 * confirmation. Several Préau processes must share PREAU_DATA_DIR (or the upload and the apply
 * must reach the same process) until documents storage lands.
 */
export function runDirectory(dataDir: string, runId: string): string {
  return join(dataDir, 'imports', runId);
}

export function ensureRunDirectory(dataDir: string, runId: string): string {
  const dir = runDirectory(dataDir, runId);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A safe file name: no directories, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'fichier';
}

export function storedFiles(dataDir: string, runId: string): string[] {
  const dir = runDirectory(dataDir, runId);
  try {
    return readdirSync(dir).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export function removeRunDirectory(dataDir: string, runId: string): void {
  rmSync(runDirectory(dataDir, runId), { recursive: true, force: true });
}
