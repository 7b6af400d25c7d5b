import { randomBytes } from 'node:crypto';

/**
 * Time-ordered ids (48-bit milliseconds + 80 random bits, hex, 32 chars): portable text keys that
 * sort by creation, so audit entries and cursors follow insertion order on SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  return now.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
}

/** Random token for cookies and CSRF (base64url, 256 bits). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
