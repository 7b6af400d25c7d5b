import type { TimelineItem } from '@preau/contracts';
import { describe, expect, it } from 'vitest';
import { pathOf, titleOf } from '../../../kernel/notify/texts.js';

const item = (type: string, kind: string, summary: Record<string, string>): TimelineItem => ({
  id: 'n1',
  type,
  service: 'attendance',
  establishmentId: 'etab-a',
  actor: null,
  resource: { kind, id: 'r1' },
  summary,
  createdAt: '2026-11-25T10:00:00.000Z',
  read: false,
});

describe('e-mail and push texts of vie scolaire events', () => {
  it('says what happened, in French, and leads to the right page', () => {
    const late = item('attendance.to_justify', 'attendance_event', { studentName: 'Alice Martin', kind: 'late', date: '2026-11-24' });
    expect(titleOf(late)).toBe('Retard de Alice Martin le 2026-11-24 : à justifier');
    expect(pathOf(late)).toBe('/absences');
    expect(titleOf(item('attendance.to_justify', 'attendance_event', { studentName: 'Bob', kind: 'absence', date: '2026-11-24' }))).toBe('Absence de Bob le 2026-11-24 : à justifier');
    expect(titleOf(item('attendance.justification_decided', 'attendance_event', { studentName: 'Bob', decision: 'refused', date: '2026-11-24' }))).toBe('Justificatif refusé pour Bob (2026-11-24)');
    const alert = item('attendance.threshold_reached', 'attendance_student', { studentName: 'Alice Martin', count: '4', month: '2026-11' });
    expect([titleOf(alert), pathOf(alert)]).toEqual(['Seuil d’absences : Alice Martin, 4 demi-journées non justifiées (2026-11)', '/vie-scolaire/statistiques']);
    const measure = item('discipline.published', 'discipline', { studentName: 'Alice Martin', label: 'Retenue', date: '2026-11-27' });
    expect([titleOf(measure), pathOf(measure)]).toEqual(['Vie scolaire : Retenue pour Alice Martin (2026-11-27)', '/vie-scolaire/incidents']);
  });
});
