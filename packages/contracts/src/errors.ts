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
  'communication.not_allowed': {
    fr: 'Vous ne pouvez pas écrire à certains destinataires choisis.',
    en: 'You may not write to some of the chosen recipients.',
  },
  'communication.no_recipient': { fr: 'Choisissez au moins un destinataire.', en: 'Choose at least one recipient.' },
  'messaging.message_not_found': { fr: 'Message introuvable.', en: 'Message not found.' },
  'messaging.folder_not_found': { fr: 'Dossier introuvable.', en: 'Folder not found.' },
  'messaging.folder_exists': { fr: 'Vous avez déjà un dossier de ce nom.', en: 'You already have a folder with this name.' },
  'messaging.not_a_draft': { fr: 'Ce message est déjà envoyé : il ne peut plus être modifié.', en: 'This message was already sent: it can no longer be changed.' },
  'messaging.replies_closed': {
    fr: 'Ce message est une annonce : on ne peut pas y répondre.',
    en: 'This message is an announcement: it cannot be answered.',
  },
  'messaging.announce_forbidden': {
    fr: 'Seuls les enseignants et les personnels peuvent envoyer des annonces sans réponse.',
    en: 'Only teachers and staff can send announcements that cannot be answered.',
  },
  'messaging.file_not_found': { fr: 'Pièce jointe introuvable.', en: 'Attachment not found.' },
  'messaging.file_too_large': { fr: 'Cette pièce jointe dépasse 10 Mo.', en: 'This attachment is larger than 10 MB.' },
  'messaging.quota_exceeded': {
    fr: 'Votre espace de pièces jointes est plein : supprimez des messages avec pièces jointes de la corbeille.',
    en: 'Your attachment space is full: delete messages with attachments from the trash.',
  },
  'messaging.empty_subject': { fr: 'Le message doit avoir un objet.', en: 'The message needs a subject.' },
  'notifications.push_subscription_not_found': {
    fr: 'Cet appareil n’est pas abonné aux notifications.',
    en: 'This device is not subscribed to notifications.',
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
  'timetable.slot_not_found': { fr: 'Cours introuvable dans l’emploi du temps.', en: 'Lesson not found in the timetable.' },
  'timetable.room_not_found': { fr: 'Salle introuvable.', en: 'Room not found.' },
  'timetable.room_exists': { fr: 'Une salle porte déjà ce code.', en: 'A room with this code already exists.' },
  'timetable.holiday_not_found': { fr: 'Période de vacances introuvable.', en: 'Holiday not found.' },
  'timetable.not_visible': { fr: 'Vous ne pouvez pas consulter cet emploi du temps.', en: 'You may not see this timetable.' },
  'timetable.invalid_times': { fr: 'L’heure de fin doit suivre l’heure de début.', en: 'The end time must come after the start time.' },
  'timetable.invalid_reference': {
    fr: 'La classe, la matière, l’enseignant ou la salle choisis n’appartiennent pas à cet établissement.',
    en: 'The chosen class, subject, teacher or room does not belong to this school.',
  },
  'timetable.no_lesson_that_day': { fr: 'Ce cours n’a pas lieu ce jour-là.', en: 'This lesson does not take place on that day.' },
  'timetable.feed_not_found': { fr: 'Ce lien d’agenda n’existe pas ou a été révoqué.', en: 'This calendar link does not exist or was revoked.' },
  'grades.not_visible': { fr: 'Vous ne pouvez pas consulter ces notes.', en: 'You may not see these grades.' },
  'grades.not_teacher': {
    fr: 'Seuls les professeurs de cette matière dans cette classe saisissent ces notes.',
    en: 'Only the teachers of this subject in this class enter these grades.',
  },
  'grades.assessment_not_found': { fr: 'Évaluation introuvable.', en: 'Assessment not found.' },
  'grades.period_not_found': { fr: 'Période introuvable.', en: 'Period not found.' },
  'grades.student_not_found': { fr: 'Élève introuvable.', en: 'Student not found.' },
  'grades.invalid_students': { fr: 'Ces élèves ne sont pas dans ce groupe.', en: 'These students are not in this group.' },
  'grades.value_above_scale': { fr: 'Une note dépasse le barème.', en: 'A grade is above the scale.' },
  'grades.assessment_has_grades': {
    fr: 'Cette évaluation a des notes saisies : confirmez la suppression des notes avec l’évaluation.',
    en: 'This assessment has grades: confirm that they are deleted with it.',
  },
  'grades.class_only': { fr: 'Choisissez une classe (pas un groupe).', en: 'Choose a class (not a group).' },
  'attendance.not_visible': { fr: 'Vous ne pouvez pas consulter ces absences.', en: 'You may not see these absences.' },
  'attendance.not_your_lesson': { fr: 'Seul l’enseignant de ce cours fait cet appel.', en: 'Only the teacher of this lesson takes this register.' },
  'attendance.register_locked': {
    fr: 'Cet appel a été validé : seule la vie scolaire peut le corriger après le jour du cours.',
    en: 'This register was submitted: only vie scolaire can correct it after the day of the lesson.',
  },
  'attendance.register_not_found': { fr: 'Appel introuvable.', en: 'Register not found.' },
  'attendance.lesson_not_found': { fr: 'Ce cours n’a pas lieu ce jour-là.', en: 'This lesson does not take place on that day.' },
  'attendance.lesson_cancelled': { fr: 'Ce cours est annulé : il n’y a pas d’appel.', en: 'This lesson is cancelled: there is no register.' },
  'attendance.invalid_students': { fr: 'Ces élèves ne font pas partie de ce cours.', en: 'These students are not in this lesson.' },
  'attendance.reason_not_allowed': {
    fr: 'Le motif d’une absence est saisi par la vie scolaire.',
    en: 'The reason for an absence is entered by vie scolaire.',
  },
  'attendance.reason_not_found': { fr: 'Motif introuvable.', en: 'Reason not found.' },
  'attendance.reason_code_taken': { fr: 'Ce code de motif existe déjà.', en: 'This reason code already exists.' },
  'attendance.reason_in_use': {
    fr: 'Ce motif est utilisé par des absences : désactivez-le plutôt que de le supprimer.',
    en: 'This reason is used by absences: deactivate it instead of deleting it.',
  },
  'attendance.student_not_found': { fr: 'Élève introuvable.', en: 'Student not found.' },
  'attendance.event_not_found': { fr: 'Absence introuvable.', en: 'Absence not found.' },
  'attendance.collective_not_found': { fr: 'Absence collective introuvable.', en: 'Collective absence not found.' },
  'attendance.exemption_not_found': { fr: 'Dispense introuvable.', en: 'Exemption not found.' },
  'report_cards.not_visible': { fr: 'Vous ne pouvez pas consulter ce bulletin.', en: 'You may not see this report card.' },
  'report_cards.not_found': { fr: 'Bulletin introuvable.', en: 'Report card not found.' },
  'report_cards.not_teacher': {
    fr: 'Seuls les professeurs de cette matière dans cette classe écrivent ces appréciations.',
    en: 'Only the teachers of this subject in this class write these comments.',
  },
  'report_cards.not_head_teacher': {
    fr: 'Seul le professeur principal de la classe (ou la direction) écrit l’appréciation générale.',
    en: 'Only the class’s head teacher (or the management) writes the general comment.',
  },
  'report_cards.council_closed': {
    fr: 'Le conseil de classe a eu lieu : le bulletin ne peut plus être modifié.',
    en: 'The class council has been held: the report card can no longer be changed.',
  },
  'report_cards.not_closed': { fr: 'Clôturez d’abord le conseil de classe.', en: 'Close the class council first.' },
  'report_cards.already_published': { fr: 'Ces bulletins sont déjà publiés.', en: 'These report cards are already published.' },
  'report_cards.invalid_students': { fr: 'Ces élèves ne sont pas dans cette classe.', en: 'These students are not in this class.' },
  'report_cards.class_only': { fr: 'Les bulletins se font par classe.', en: 'Report cards are made per class.' },
  'report_cards.orientation_last_period': {
    fr: 'La décision d’orientation ne se saisit qu’à la dernière période.',
    en: 'The orientation decision is recorded at the last period only.',
  },
  'skills.not_visible': { fr: 'Vous ne pouvez pas consulter ces compétences.', en: 'You may not see these skills.' },
  'skills.not_teacher': {
    fr: 'Seuls les professeurs de cette matière dans cette classe évaluent ces compétences.',
    en: 'Only the teachers of this subject in this class assess these skills.',
  },
  'skills.assessment_not_found': { fr: 'Évaluation de compétences introuvable.', en: 'Skills assessment not found.' },
  'skills.item_not_found': { fr: 'Compétence introuvable.', en: 'Skill not found.' },
  'skills.item_component_mismatch': {
    fr: 'Cette compétence n’appartient pas à la composante choisie ou à cette matière.',
    en: 'This skill does not belong to the chosen component or to this subject.',
  },
  'skills.item_in_use': { fr: 'Cette compétence a déjà été évaluée : désactivez-la plutôt.', en: 'This skill has already been assessed: deactivate it instead.' },
  'skills.grade_assessment_mismatch': {
    fr: 'L’évaluation notée choisie n’est pas de cette classe et de cette matière.',
    en: 'The chosen graded assessment is not of this class and subject.',
  },
  'skills.invalid_students': { fr: 'Ces élèves ne sont pas dans ce groupe.', en: 'These students are not in this group.' },
  'skills.invalid_skills': { fr: 'Ces compétences ne font pas partie de cette évaluation.', en: 'These skills are not part of this assessment.' },
  'homework.not_visible': { fr: 'Vous ne pouvez pas consulter ce cahier de textes.', en: 'You may not read this cahier de textes.' },
  'homework.not_writer': {
    fr: 'Seul un enseignant de cette matière dans cette classe peut remplir ce cahier de textes.',
    en: 'Only a teacher of this subject in this class can fill in this cahier de textes.',
  },
  'homework.entry_not_found': { fr: 'Séance introuvable.', en: 'Session not found.' },
  'homework.homework_not_found': { fr: 'Travail introuvable.', en: 'Homework not found.' },
  'homework.file_not_found': { fr: 'Pièce jointe introuvable.', en: 'Attachment not found.' },
  'homework.file_too_large': { fr: 'Cette pièce jointe dépasse 10 Mo.', en: 'This attachment is larger than 10 MB.' },
  'homework.entry_visaed': {
    fr: 'Cette séance a été visée par la direction : elle ne peut plus être modifiée.',
    en: 'This session was signed off by the management: it can no longer be changed.',
  },
  'homework.invalid_students': {
    fr: 'Certains élèves choisis ne font pas partie de cette classe ou de ce groupe.',
    en: 'Some chosen students are not in this class or group.',
  },
  'homework.due_before_set': { fr: 'Le travail ne peut pas être à rendre avant la séance.', en: 'Work cannot be due before the session.' },
  'homework.no_next_lesson': {
    fr: 'Aucun prochain cours de cette matière n’est prévu : choisissez la date à laquelle le travail est à rendre.',
    en: 'No next lesson of this subject is planned: choose the due date.',
  },
  'homework.not_student': { fr: 'Seul l’élève peut cocher son travail comme fait.', en: 'Only the student can mark their work as done.' },
  'homework.invalid_range': { fr: 'La période demandée n’est pas valide (92 jours au plus).', en: 'The requested period is not valid (92 days at most).' },
  'homework.not_handed_online': { fr: 'Ce travail ne se rend pas en ligne.', en: 'This work is not handed in online.' },
  'homework.not_target': { fr: 'Seuls les élèves concernés par ce travail peuvent le rendre.', en: 'Only the students this work is for can hand it in.' },
  'homework.handin_locked': {
    fr: 'Ce travail ne peut plus être remplacé : la date est passée ou le professeur a rendu une correction.',
    en: 'This work can no longer be replaced: it is past the due date or the teacher has returned a correction.',
  },
  'homework.handin_empty': { fr: 'Joignez au moins un fichier ou écrivez un texte.', en: 'Attach at least one file or write a text.' },
  'homework.too_many_files': { fr: 'Cinq fichiers au plus.', en: 'Five files at most.' },
  'homework.archive_exists': {
    fr: 'L’archive de cette année scolaire existe déjà : elle ne peut pas être modifiée.',
    en: 'This school year’s archive already exists: it cannot be changed.',
  },
  'homework.archive_year_open': { fr: 'Cette année scolaire n’est pas terminée.', en: 'This school year has not ended.' },
  'homework.archive_not_found': { fr: 'Archive introuvable.', en: 'Archive not found.' },
  'account.session_not_found': { fr: 'Session introuvable.', en: 'Session not found.' },
  'discipline.not_visible': { fr: 'Vous ne pouvez pas consulter ces incidents ni ces punitions.', en: 'You may not see these incidents or measures.' },
  'discipline.student_not_found': { fr: 'Élève introuvable.', en: 'Student not found.' },
  'discipline.incident_not_found': { fr: 'Incident introuvable.', en: 'Incident not found.' },
  'discipline.measure_not_found': { fr: 'Punition ou sanction introuvable.', en: 'Punishment or sanction not found.' },
  'discipline.type_not_found': { fr: 'Type d’incident introuvable.', en: 'Incident type not found.' },
  'discipline.invalid_students': { fr: 'Ces personnes ne sont pas des élèves de l’établissement.', en: 'These people are not students of this school.' },
  'discipline.student_not_involved': { fr: 'Cet élève n’est pas impliqué dans cet incident.', en: 'This student is not involved in this incident.' },
  'discipline.sanction_head_only': {
    fr: 'Seuls le chef d’établissement et ses adjoints prononcent une sanction ; les enseignants et la vie scolaire donnent des punitions.',
    en: 'Only the head and deputies pronounce sanctions; teachers and vie scolaire give punishments.',
  },
  'discipline.council_required': { fr: 'Cette sanction relève du conseil de discipline.', en: 'This sanction is for the disciplinary council.' },
  'discipline.not_editable': { fr: 'Vous ne pouvez pas modifier ceci.', en: 'You may not change this.' },
  'discipline.already_published': { fr: 'C’est déjà publié.', en: 'This is already published.' },
  'discipline.cancelled': { fr: 'Cette mesure est annulée.', en: 'This measure is cancelled.' },
  'justification.not_allowed': {
    fr: 'Seuls les responsables légaux de l’élève, ou l’élève majeur, justifient ses absences.',
    en: 'Only the student’s legal guardians, or the student once of age, justify their absences.',
  },
  'justification.not_open': { fr: 'Cette absence n’attend plus de justificatif.', en: 'This absence no longer awaits a justification.' },
  'justification.not_pending': { fr: 'Ce justificatif n’attend pas de décision.', en: 'This justification awaits no decision.' },
  'justification.comment_required': { fr: 'Expliquez le refus dans un commentaire.', en: 'Explain the refusal in a comment.' },
  'justification.file_too_large': { fr: 'Le document dépasse 5 Mo.', en: 'The document is larger than 5 MB.' },
  'justification.file_type': { fr: 'Document accepté : PDF, JPEG, PNG ou WebP.', en: 'Accepted documents: PDF, JPEG, PNG or WebP.' },
  'justification.file_not_found': { fr: 'Document introuvable.', en: 'Document not found.' },
  'justification.declaration_not_found': { fr: 'Déclaration introuvable.', en: 'Declaration not found.' },
  'justification.invalid_range': { fr: 'Ces dates ne sont pas valides (31 jours au plus, pas dans le passé).', en: 'These dates are not valid (31 days at most, not in the past).' },
  'statistics.invalid_range': { fr: 'La période demandée n’est pas valide (un an au plus).', en: 'The requested period is not valid (one year at most).' },
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
