/** Lower case without accents or ligatures: the form used for search, sorting and logins. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sort key "last first": people are listed by last name, as in every school register. */
export function sortKey(firstName: string, lastName: string): string {
  return `${fold(lastName)} ${fold(firstName)}`;
}

export function displayName(firstName: string, lastName: string): string {
  return `${firstName} ${lastName.toLocaleUpperCase('fr-FR')}`;
}

/** Part of a login: folded, letters, digits and hyphens only ("D'Arcy-Lefèvre" → "darcy-lefevre"). */
export function loginPart(text: string): string {
  return fold(text)
    .replace(/[\s']+/g, '')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "prenom.nom" from the usual first name (the first of several) and the last name. */
export function loginBase(firstName: string, lastName: string): string {
  const first = loginPart(firstName.split(/\s+/)[0] ?? '') || 'utilisateur';
  const last = loginPart(lastName) || 'inconnu';
  return `${first}.${last}`;
}
