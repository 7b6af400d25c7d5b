/**
 * The shape of a UAI (7 digits, then a letter). Only the shape is checked here: the check letter
 * is the server's to verify, so a single rule decides and its message comes back on the field.
 */
export function looksLikeUai(value: string): boolean {
  return /^\d{7}[A-Z]$/.test(value.trim().toUpperCase());
}
