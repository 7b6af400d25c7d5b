import type { TimelineItem } from '@preau/contracts';
import type { TFunction } from 'i18next';

/**
 * Where an event leads, by the kind of resource it names. A service adds its line once its page
 * exists; an item without a link still reads fully in the timeline.
 */
const LINKS: Record<string, (id: string) => string> = {
  conversation: (id) => `/messagerie/conversation/${encodeURIComponent(id)}`,
  // The agenda lists the homework by due date, for the student and, per child, for relatives.
  homework: () => '/agenda',
  // The grades page shows the student's (or, per child, the relative's) grades of the period.
  assessment: () => '/notes',
  // The skills page shows the student's (or, per child, the relative's) summary of the year.
  skill_assessment: () => '/competences',
  // The bulletins page lists the published report cards with their PDF.
  report_card: () => '/bulletins',
  // Vie scolaire's page lists the registers not taken.
  attendance_register: () => '/vie-scolaire',
  // The family's absences page lists the event and the justification's decision.
  attendance_event: () => '/absences',
  attendance_student: () => '/vie-scolaire/statistiques',
  discipline: () => '/vie-scolaire/incidents',
};

export function linkFor(item: TimelineItem): string | null {
  const link = LINKS[item.resource.kind];
  return link ? link(item.resource.id) : null;
}

/** The event's sentence in the reader's language ("Nouveau message : Sortie au musée"). */
export function titleFor(t: TFunction, item: TimelineItem): string {
  // i18next reads dots as nesting: "message.received" is stored as message_received.
  const key = `timeline.events.${item.type.replace(/\./g, '_')}`;
  const text = t(key, { ...item.summary, interpolation: { escapeValue: false } });
  return text === key ? t('timeline.events.unknown') : text;
}
