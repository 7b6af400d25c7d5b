import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';

/**
 * The one typed union of what services announce. Each event names its recipients; the notify
 * kernel turns it into timeline rows, live updates, e-mails and pushes according to each person's
 * preferences. A service adds its own members here (and, in the web client, a line in
 * web/src/services/timeline/event-types.ts to render it).
 */
export type PreauEvent =
  | {
      type: 'message.received';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'conversation'; id: string };
      summary: { subject: string };
    }
  | {
      type: 'news.published';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'news'; id: string };
      summary: { title: string };
    }
  | {
      type: 'homework.assigned';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'homework'; id: string };
      summary: { subject: string; title: string; dueDate: string };
    }
  | {
      type: 'homework.handin_returned';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'homework'; id: string };
      summary: { subject: string; dueDate: string };
    }
  | {
      type: 'grade.published';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'assessment'; id: string };
      summary: { subject: string; title: string };
    }
  | {
      type: 'report_card.published';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'report_card'; id: string };
      summary: { period: string; group: string };
    }
  | {
      type: 'skills.published';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'skill_assessment'; id: string };
      summary: { subject: string; title: string };
    }
  | {
      type: 'absence.recorded';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'absence'; id: string };
      summary: { studentName: string; date: string };
    }
  | {
      type: 'attendance.register_forgotten';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'attendance_register'; id: string };
      /** `lessons`: the first three ("5B, Mathématiques, 08:00"), `count`: how many, as text. */
      summary: { date: string; count: string; lessons: string };
    }
  | {
      type: 'discipline.published';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'discipline'; id: string };
      summary: { studentName: string; label: string; date: string };
    }
  | {
      type: 'attendance.to_justify';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'attendance_event'; id: string };
      summary: { studentName: string; kind: string; date: string };
    }
  | {
      type: 'attendance.justification_decided';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'attendance_event'; id: string };
      summary: { studentName: string; decision: string; date: string };
    }
  | {
      type: 'attendance.threshold_reached';
      establishmentId: string | null;
      actorId: string;
      recipientIds: string[];
      resource: { kind: 'attendance_student'; id: string };
      summary: { studentName: string; count: string; month: string };
    };

export type PreauEventType = PreauEvent['type'];

/** The service each event belongs to: preferences and the timeline filter are per service. */
export const EVENT_SERVICES = {
  'message.received': 'messaging',
  'news.published': 'news',
  'homework.assigned': 'homework',
  'homework.handin_returned': 'homework',
  'grade.published': 'grades',
  'skills.published': 'grades',
  'report_card.published': 'grades',
  'absence.recorded': 'attendance',
  'attendance.register_forgotten': 'attendance',
  // Discipline is vie scolaire too: families set one preference for both.
  'discipline.published': 'attendance',
  'attendance.to_justify': 'attendance',
  'attendance.justification_decided': 'attendance',
  'attendance.threshold_reached': 'attendance',
} as const satisfies Record<PreauEventType, string>;

export type NotifyingService = (typeof EVENT_SERVICES)[PreauEventType];
export const NOTIFYING_SERVICES = [...new Set(Object.values(EVENT_SERVICES))] as NotifyingService[];

/** Rows per multi-row insert: two parameters each, far below SQLite's and PostgreSQL's limits. */
const RECIPIENT_CHUNK = 1000;

/**
 * Writes the event to the outbox in the caller's transaction (pass the transaction), so it exists
 * if and only if the change that caused it commits. Recipients are deduplicated and written with
 * one multi-row insert per 1,000. Returns nothing: delivery happens later, from a job.
 */
export async function emitEvent(trx: Db, event: PreauEvent, clock: Clock): Promise<void> {
  const recipients = [...new Set(event.recipientIds)];
  if (recipients.length === 0) return;
  const now = clock.now();
  const id = newId(now.getTime());
  await trx
    .insertInto('outbox_events')
    .values({
      id,
      type: event.type,
      service: EVENT_SERVICES[event.type],
      establishment_id: event.establishmentId,
      actor_id: event.actorId,
      resource_kind: event.resource.kind,
      resource_id: event.resource.id,
      summary: JSON.stringify(event.summary),
      recipient_count: recipients.length,
      created_at: now.toISOString(),
    })
    .execute();
  for (let i = 0; i < recipients.length; i += RECIPIENT_CHUNK) {
    await trx
      .insertInto('event_recipients')
      .values(recipients.slice(i, i + RECIPIENT_CHUNK).map((personId) => ({ event_id: id, person_id: personId })))
      .execute();
  }
}
