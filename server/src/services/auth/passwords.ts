import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the login is unknown, so both failures take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('preau-dummy-password-for-timing');
  return dummyHash;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9\s]/];

/**
 * CNIL délibération 2022-100: at least 12 characters from 4 classes, or 14 from 3, or a passphrase
 * of at least 7 words. Accented letters count as letters of their case.
 */
export function meetsPasswordPolicy(password: string): boolean {
  const ascii = password.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  const classes = CLASSES.filter((re) => re.test(ascii)).length;
  const length = [...password].length;
  if (length >= 12 && classes >= 4) return true;
  if (length >= 14 && classes >= 3) return true;
  const words = password.split(/[\s\-_.,;:]+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 7 && length >= 20;
}
