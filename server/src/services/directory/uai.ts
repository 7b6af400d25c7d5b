const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** UAI: 7 digits and a check letter, the letter being CHECK_LETTERS[number % 23]. */
export function isValidUai(uai: string): boolean {
  const m = /^(\d{7})([A-Z])$/.exec(uai.toUpperCase());
  if (!m) return false;
  return CHECK_LETTERS[Number(m[1]) % 23] === m[2];
}

export function uaiCheckLetter(digits: string): string {
  return CHECK_LETTERS[Number(digits) % 23] as string;
}

export function normalizeUai(uai: string): string {
  return uai.trim().toUpperCase();
}
