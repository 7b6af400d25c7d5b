import { z } from 'zod';

/**
 * Error codes the server sends. The server answers `{ error: { code, message, details? } }`,
 * the message already in the user's language; the web client translates the code itself.
 */
export const ERROR_MESSAGES = {
  'validation.failed': { fr: 'Les données envoyées ne sont pas valides.', en: 'The data sent is not valid.' },
  'request.too_large': { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  'request.not_found': { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  'request.unsupported_media_type': { fr: 'Format de données non pris en charge.', en: 'Unsupported data format.' },
  'auth.required': { fr: 'Vous devez vous connecter.', en: 'You must log in.' },
  'auth.invalid_credentials': {
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Incorrect login or password.',
  },
  'auth.account_not_active': {
    fr: 'Ce compte n’est pas actif. Activez-le avec votre code d’activation ou contactez votre établissement.',
    en: 'This account is not active. Activate it with your activation code or contact your school.',
  },
  'auth.throttled': {
    fr: 'Trop de tentatives. Réessayez dans quelques instants.',
    en: 'Too many attempts. Try again in a moment.',
  },
  'auth.csrf_invalid': {
    fr: 'La requête n’a pas pu être vérifiée. Rechargez la page et réessayez.',
    en: 'The request could not be verified. Reload the page and try again.',
  },
  'auth.invalid_activation': {
    fr: 'Identifiant ou code d’activation incorrect ou expiré.',
    en: 'Incorrect or expired login or activation code.',
  },
  'auth.terms_not_accepted': {
    fr: 'Vous devez accepter la charte d’utilisation.',
    en: 'You must accept the terms of use.',
  },
  'auth.weak_password': {
    fr: 'Le mot de passe doit compter au moins 12 caractères de 4 types (minuscules, majuscules, chiffres, symboles), ou 14 caractères de 3 types, ou être une phrase de passe d’au moins 7 mots.',
    en: 'The password must have at least 12 characters of 4 kinds (lower case, upper case, digits, symbols), or 14 characters of 3 kinds, or be a passphrase of at least 7 words.',
  },
  'auth.wrong_current_password': {
    fr: 'Le mot de passe actuel est incorrect.',
    en: 'The current password is incorrect.',
  },
  'auth.password_reused': {
    fr: 'Le nouveau mot de passe doit être différent de l’actuel.',
    en: 'The new password must differ from the current one.',
  },
  'access.forbidden': { fr: 'Vous n’avez pas accès à cette ressource.', en: 'You do not have access to this resource.' },
  'access.not_member': {
    fr: 'Vous n’êtes pas membre de cet établissement.',
    en: 'You are not a member of this school.',
  },
  'directory.person_not_found': { fr: 'Personne introuvable.', en: 'Person not found.' },
  'directory.establishment_not_found': { fr: 'Établissement introuvable.', en: 'School not found.' },
  'directory.group_not_found': { fr: 'Classe ou groupe introuvable.', en: 'Class or group not found.' },
  'directory.invalid_uai': {
    fr: 'Code UAI invalide : 7 chiffres suivis de la lettre de contrôle.',
    en: 'Invalid UAI code: 7 digits followed by the check letter.',
  },
  'directory.establishment_exists': {
    fr: 'Un établissement porte déjà ce code UAI.',
    en: 'A school with this UAI code already exists.',
  },
  'imports.unusable_file': {
    fr: 'Ce fichier ne peut pas être importé : vérifiez qu’il s’agit du bon export.',
    en: 'This file cannot be imported: check that it is the right export.',
  },
  'imports.wrong_establishment': {
    fr: 'Ce fichier concerne un autre établissement.',
    en: 'This file is for another school.',
  },
  'imports.unsupported_source': {
    fr: 'Ce type d’import n’est pas encore disponible.',
    en: 'This kind of import is not available yet.',
  },
  'imports.run_not_found': { fr: 'Import introuvable.', en: 'Import not found.' },
  'imports.already_applied': {
    fr: 'Cet import a déjà été appliqué ; relancez un nouvel import pour vérifier les changements.',
    en: 'This import was already applied; start a new one to check for changes.',
  },
  'imports.no_files': { fr: 'Aucun fichier reçu.', en: 'No file received.' },
  'admin.cannot_target_self': {
    fr: 'Vous ne pouvez pas faire cette action sur votre propre compte.',
    en: 'You cannot do this to your own account.',
  },
  'account.session_not_found': { fr: 'Session introuvable.', en: 'Session not found.' },
  'internal': { fr: 'Une erreur inattendue est survenue.', en: 'An unexpected error occurred.' },
} as const satisfies Record<string, { fr: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Locale = 'fr' | 'en';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), issue: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorMessage(code: string, locale: Locale): string {
  const entry = (ERROR_MESSAGES as Record<string, { fr: string; en: string }>)[code];
  return entry ? entry[locale] : ERROR_MESSAGES.internal[locale];
}
