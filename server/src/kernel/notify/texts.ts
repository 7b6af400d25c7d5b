import type { TimelineItem } from '@preau/contracts';

/**
 * What e-mails and pushes say, in French (people have no language setting yet; the web client
 * renders the same events in the reader's language). One line per event type; an unknown type
 * (a service newer than this file) still reads sensibly.
 */
const TITLES: Record<string, (s: Record<string, string>) => string> = {
  'message.received': (s) => `Nouveau message : ${s.subject ?? ''}`,
  'news.published': (s) => `Nouvelle actualité : ${s.title ?? ''}`,
  'homework.assigned': (s) => `Travail à faire en ${s.subject ?? ''} : ${s.title ?? ''}`,
  'grade.published': (s) => `Nouvelle note en ${s.subject ?? ''} : ${s.title ?? ''}`,
  'skills.published': (s) => `Compétences évaluées en ${s.subject ?? ''} : ${s.title ?? ''}`,
  'report_card.published': (s) => `Bulletin du ${s.period ?? ''} disponible (${s.group ?? ''})`,
  'absence.recorded': (s) => `Absence enregistrée pour ${s.studentName ?? ''} le ${s.date ?? ''}`,
  'attendance.register_forgotten': (s) => `Appels non faits (${s.count ?? ''}) le ${s.date ?? ''} : ${s.lessons ?? ''}`,
  'discipline.published': (s) => `Vie scolaire : ${s.label ?? ''} pour ${s.studentName ?? ''} (${s.date ?? ''})`,
  'attendance.to_justify': (s) => `${s.kind === 'late' ? 'Retard' : s.kind === 'left_early' ? 'Départ anticipé' : 'Absence'} de ${s.studentName ?? ''} le ${s.date ?? ''} : à justifier`,
  'attendance.justification_decided': (s) => `Justificatif ${s.decision === 'justified' ? 'accepté' : 'refusé'} pour ${s.studentName ?? ''} (${s.date ?? ''})`,
  'attendance.threshold_reached': (s) => `Seuil d’absences : ${s.studentName ?? ''}, ${s.count ?? ''} demi-journées non justifiées (${s.month ?? ''})`,
};

export function titleOf(item: TimelineItem): string {
  const title = TITLES[item.type];
  return title ? title(item.summary) : `Nouvelle notification (${item.service})`;
}

export function lineOf(item: TimelineItem): string {
  return item.actor ? `${titleOf(item)} — ${item.actor.displayName}` : titleOf(item);
}

export function countTitle(count: number): string {
  return count === 1 ? '1 nouvelle notification' : `${count} nouvelles notifications`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Where an item leads in the web client (same table as web/src/services/timeline/event-types.ts). */
const PATHS: Record<string, (id: string) => string> = {
  conversation: (id) => `/messagerie/conversation/${encodeURIComponent(id)}`,
  attendance_event: () => '/absences',
  attendance_student: () => '/vie-scolaire/statistiques',
  discipline: () => '/vie-scolaire/incidents',
};

export function pathOf(item: TimelineItem): string {
  const path = PATHS[item.resource.kind];
  return path ? path(item.resource.id) : '/';
}
