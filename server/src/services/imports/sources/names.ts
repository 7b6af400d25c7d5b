/**
 * Names as shown in Préau.
 *
 * Last names keep the source's casing (only trimmed, inner runs of spaces collapsed): national
 * exports write them in upper case, and no rule turns "DE LA FONTAINE", "LE GOFF" or "MAC ARTHUR"
 * back into the family's own spelling, so we would rather show the official form than a wrong one.
 *
 * First names written entirely in upper case get a display case: "JEAN-PIERRE" → "Jean-Pierre",
 * "ÉLODIE" → "Élodie", "ŒNONE" → "Œnone". A first name already in mixed case ("Zoé", "McKenzie")
 * is kept as typed by the school.
 */

export function cleanName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function displayFirstName(value: string): string {
  const name = cleanName(value);
  // Plain (not locale-aware) case mapping: French has no special rule, and this runs once per person.
  const lower = name.toLowerCase();
  if (name === lower || name !== name.toUpperCase()) return name;
  // Capitalise the first letter of the name and of each part after a space, hyphen or apostrophe.
  let result = '';
  let startsPart = true;
  for (const char of lower) {
    result += startsPart ? char.toUpperCase() : char;
    startsPart = char === ' ' || char === '-' || char === "'" || char === '’';
  }
  return result;
}
