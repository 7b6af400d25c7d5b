import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read from paper letters and typed by children. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newActivationCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes handed out by an administrator stay valid for a school term. */
export const ACTIVATION_VALIDITY_DAYS = 90;
