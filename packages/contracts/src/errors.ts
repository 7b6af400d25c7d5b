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
  'admin.function_reserved': {
    fr: 'La fonction d’administrateur local est attribuée par l’administrateur de la plateforme.',
    en: 'The local administrator function is given by the platform administrator.',
  },
  'admin.not_staff': {
    fr: 'Cette personne ne fait pas partie du personnel de l’établissement.',
    en: 'This person is not a staff member of the school.',
  },
  'admin.last_admin': {
    fr: 'C’est le dernier administrateur actif de l’établissement : nommez d’abord son successeur.',
    en: 'This is the school’s last active administrator: appoint a successor first.',
  },
  'admin.service_not_available': {
    fr: 'Ce service n’est pas proposé à ce profil ou ne peut pas être masqué.',
    en: 'This service is not offered to this profile or cannot be hidden.',
  },
  'structures.name_taken': {
    fr: 'Une classe ou un groupe de ce type porte déjà ce nom.',
    en: 'A class or group of this kind already has this name.',
  },
  'structures.not_empty': {
    fr: 'Retirez d’abord les élèves et les enseignants : seule une classe ou un groupe vide peut être supprimé.',
    en: 'Remove the students and teachers first: only an empty class or group can be deleted.',
  },
  'structures.invalid_member': {
    fr: 'Certaines personnes ne peuvent pas être ajoutées (profil ou établissement différent).',
    en: 'Some people cannot be added (other profile or school).',
  },
  'structures.invalid_classes': {
    fr: 'Les classes choisies doivent être des classes de l’établissement.',
    en: 'The chosen classes must be classes of this school.',
  },
  'structures.subject_not_found': { fr: 'Matière introuvable.', en: 'Subject not found.' },
  'structures.subject_exists': { fr: 'Une matière porte déjà ce code.', en: 'A subject with this code already exists.' },
  'structures.head_teacher_class_only': {
    fr: 'Seule une classe a un professeur principal.',
    en: 'Only a class has a head teacher.',
  },
  'structures.member_not_found': {
    fr: 'Cette personne n’est pas membre de cette classe ou de ce groupe.',
    en: 'This person is not a member of this class or group.',
  },
  'duplicates.not_found': { fr: 'Proposition de doublon introuvable.', en: 'Duplicate proposal not found.' },
  'duplicates.already_decided': {
    fr: 'Cette proposition a déjà été traitée.',
    en: 'This proposal was already dealt with.',
  },
  'duplicates.not_administered': {
    fr: 'L’une de ces personnes appartient à un établissement que vous n’administrez pas : demandez à l’administrateur de la plateforme.',
    en: 'One of these people belongs to a school you do not administer: ask the platform administrator.',
  },
  'duplicates.invalid_keep': {
    fr: 'Le compte à conserver doit être l’un des deux comptes proposés.',
    en: 'The account to keep must be one of the two proposed accounts.',
  },
  'duplicates.account_unavailable': {
    fr: 'L’un de ces comptes a été fermé ou fusionné entre-temps.',
    en: 'One of these accounts was closed or merged in the meantime.',
  },
  'notifications.push_subscription_not_found': {
    fr: 'Cet appareil n’est pas abonné aux notifications.',
    en: 'This device is not subscribed to notifications.',
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
