/**
 * The CNIL password rule (délibération 2022-100), as the server enforces it
 * (server/src/services/auth/passwords.ts): at least 12 characters of 4 kinds, or 14 characters of
 * 3 kinds, or a passphrase of at least 7 words (20 characters or more). Kept identical so the live
 * hint never approves a password the server then refuses.
 */
export type CharacterKind = 'lower' | 'upper' | 'digit' | 'symbol';

export type PasswordAnalysis = {
  length: number;
  kinds: Record<CharacterKind, boolean>;
  kindCount: number;
  words: number;
  /** Which branch of the rule is met, or null when none is. */
  satisfiedBy: 'twelve_four_kinds' | 'fourteen_three_kinds' | 'passphrase' | null;
};

const KIND_PATTERNS: Record<CharacterKind, RegExp> = {
  lower: /[a-z]/,
  upper: /[A-Z]/,
  digit: /[0-9]/,
  symbol: /[^a-zA-Z0-9\s]/,
};

export const PASSPHRASE_MIN_WORDS = 7;
const PASSPHRASE_MIN_LENGTH = 20;

export function analysePassword(password: string): PasswordAnalysis {
  // Accented letters count as letters of their case (é is lower case, not a symbol).
  const ascii = password.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  const kinds = {
    lower: KIND_PATTERNS.lower.test(ascii),
    upper: KIND_PATTERNS.upper.test(ascii),
    digit: KIND_PATTERNS.digit.test(ascii),
    symbol: KIND_PATTERNS.symbol.test(ascii),
  };
  const kindCount = Object.values(kinds).filter(Boolean).length;
  const length = [...password].length;
  const words = password.split(/[\s\-_.,;:]+/).filter((word) => /\p{L}{2,}/u.test(word)).length;
  let satisfiedBy: PasswordAnalysis['satisfiedBy'] = null;
  if (length >= 12 && kindCount >= 4) satisfiedBy = 'twelve_four_kinds';
  else if (length >= 14 && kindCount >= 3) satisfiedBy = 'fourteen_three_kinds';
  else if (words >= PASSPHRASE_MIN_WORDS && length >= PASSPHRASE_MIN_LENGTH) satisfiedBy = 'passphrase';
  return { length, kinds, kindCount, words, satisfiedBy };
}

export function meetsPasswordRule(password: string): boolean {
  return analysePassword(password).satisfiedBy !== null;
}
