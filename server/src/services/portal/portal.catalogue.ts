import type { Right } from '@preau/contracts';

/**
 * The services shown as tiles on the home page, with the right each needs. Only services that
 * exist are listed; each later service adds its line here.
 */
export const CATALOGUE: { id: string; path: string; right: Right }[] = [
  { id: 'messaging', path: '/messagerie', right: 'messaging.use' },
  { id: 'directory', path: '/annuaire', right: 'directory.read' },
  { id: 'admin', path: '/admin', right: 'admin.accounts.manage' },
  { id: 'imports', path: '/admin/imports', right: 'admin.imports.manage' },
  { id: 'communication', path: '/admin/communication', right: 'communication.rules.manage' },
  { id: 'establishments', path: '/etablissements', right: 'platform.establishments.manage' },
  { id: 'audit', path: '/audit', right: 'platform.audit.read' },
  { id: 'timetable', path: '/emploi-du-temps', right: 'timetable.read' },
  { id: 'textbook', path: '/cahier-de-textes', right: 'homework.read' },
  { id: 'agenda', path: '/agenda', right: 'homework.agenda' },
  { id: 'grades', path: '/notes', right: 'grades.read' },
  { id: 'attendance', path: '/appel', right: 'attendance.registers' },
  { id: 'vie_scolaire', path: '/vie-scolaire', right: 'attendance.settings' },
  { id: 'absences', path: '/absences', right: 'attendance.justify' },
  { id: 'justifications', path: '/vie-scolaire/justificatifs', right: 'attendance.manage' },
  { id: 'discipline', path: '/vie-scolaire/incidents', right: 'discipline.read' },
  { id: 'skills', path: '/competences', right: 'skills.read' },
  { id: 'report_cards', path: '/bulletins', right: 'report_cards.read' },
  { id: 'account', path: '/compte', right: 'account.manage' },
];
