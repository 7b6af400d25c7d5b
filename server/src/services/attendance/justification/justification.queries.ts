import type { AttendanceEvent, JustificationRecord, JustificationStep } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import { displayName } from '../../directory/index.js';

type EventRow = {
  id: string;
  student_id: string;
  first_name: string;
  last_name: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  minutes: number | null;
  reason_id: string | null;
  reason_label: string | null;
  justification: string;
  source: string;
  register_id: string | null;
  group_id: string | null;
  group_name: string | null;
  comment: string | null;
  flag: string | null;
};

/** Events with their student, reason and (for register events) group, as the contracts show them. */
export function eventsQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('attendance_events as e')
    .innerJoin('people as p', 'p.id', 'e.student_id')
    .leftJoin('attendance_reasons as r', 'r.id', 'e.reason_id')
    .leftJoin('attendance_registers as reg', 'reg.id', 'e.register_id')
    .leftJoin('groups as g', 'g.id', 'reg.group_id')
    .select([
      'e.id',
      'e.student_id',
      'p.first_name',
      'p.last_name',
      'e.kind',
      'e.starts_at',
      'e.ends_at',
      'e.minutes',
      'e.reason_id',
      'r.label as reason_label',
      'e.justification',
      'e.source',
      'e.register_id',
      'g.id as group_id',
      'g.name as group_name',
      'e.comment',
      'e.flag',
    ])
    .where('e.establishment_id', '=', establishmentId);
}

export const toEvent = (e: EventRow): AttendanceEvent => ({
  id: e.id,
  student: { id: e.student_id, name: displayName(e.first_name, e.last_name) },
  group: e.group_id ? { id: e.group_id, name: e.group_name ?? '' } : null,
  kind: e.kind as AttendanceEvent['kind'],
  startsAt: e.starts_at,
  endsAt: e.ends_at,
  minutes: e.minutes,
  reason: e.reason_id ? { id: e.reason_id, name: e.reason_label ?? '' } : null,
  justification: e.justification as AttendanceEvent['justification'],
  source: e.source as AttendanceEvent['source'],
  registerId: e.register_id,
  comment: e.comment,
  flagged: e.flag !== null,
});

/** History ids strictly increase in this process, so steps of the same millisecond keep their order. */
let lastMs = 0;
export function stepId(now: Date): string {
  lastMs = Math.max(now.getTime(), lastMs + 1);
  return newId(lastMs);
}

export async function addStep(
  trx: Db,
  now: Date,
  step: { establishmentId: string; justificationId: string | null; eventId?: string | null; actorId: string | null; action: JustificationStep['action']; comment?: string | null },
): Promise<void> {
  await trx
    .insertInto('attendance_justification_history')
    .values({
      id: stepId(now),
      establishment_id: step.establishmentId,
      justification_id: step.justificationId,
      event_id: step.eventId ?? null,
      actor_id: step.actorId,
      action: step.action,
      comment: step.comment ?? null,
      at: now.toISOString(),
    })
    .execute();
}

/** Justifications with their events and history, loaded set-wise (four queries for any number). */
export async function loadJustifications(db: Db, establishmentId: string, filter: { ids?: string[]; studentId?: string; state?: string }): Promise<JustificationRecord[]> {
  let q = db
    .selectFrom('attendance_justifications as j')
    .innerJoin('people as p', 'p.id', 'j.student_id')
    .leftJoin('attendance_reasons as r', 'r.id', 'j.reason_id')
    .selectAll('j')
    .select(['p.first_name', 'p.last_name', 'r.label as reason_label'])
    .where('j.establishment_id', '=', establishmentId);
  if (filter.ids) q = q.where('j.id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.studentId) q = q.where('j.student_id', '=', filter.studentId);
  if (filter.state) q = q.where('j.state', '=', filter.state);
  const rows = await q.orderBy('j.submitted_at', 'desc').orderBy('j.id', 'desc').limit(500).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [links, steps] = await Promise.all([
    eventsQuery(db, establishmentId)
      .innerJoin('attendance_justification_events as je', 'je.event_id', 'e.id')
      .select('je.justification_id')
      .where('je.justification_id', 'in', ids)
      .orderBy('e.starts_at')
      .execute(),
    db.selectFrom('attendance_justification_history').selectAll().where('justification_id', 'in', ids).orderBy('at').orderBy('id').execute(),
  ]);
  const people = new Set<string>();
  for (const r of rows) for (const id of [r.submitted_by, r.decided_by]) if (id) people.add(id);
  for (const s of steps) if (s.actor_id) people.add(s.actor_id);
  const named = people.size
    ? new Map((await db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', [...people]).execute()).map((p) => [p.id, displayName(p.first_name, p.last_name)]))
    : new Map<string, string>();
  const ref = (id: string | null) => (id ? { id, name: named.get(id) ?? '' } : null);
  return rows.map((j) => ({
    id: j.id,
    kind: j.kind as JustificationRecord['kind'],
    student: { id: j.student_id, name: displayName(j.first_name, j.last_name) },
    startsAt: j.starts_at,
    endsAt: j.ends_at,
    reason: j.reason_id ? { id: j.reason_id, name: j.reason_label ?? '' } : null,
    comment: j.comment,
    file: j.blob_id ? { id: j.id, name: j.file_name ?? 'document', mediaType: j.media_type ?? 'application/octet-stream', size: j.file_size ?? 0 } : null,
    state: j.state as JustificationRecord['state'],
    submittedBy: ref(j.submitted_by),
    submittedAt: j.submitted_at,
    decidedBy: ref(j.decided_by),
    decidedAt: j.decided_at,
    decisionComment: j.decision_comment,
    events: links.filter((l) => l.justification_id === j.id).map(toEvent),
    history: steps.filter((s) => s.justification_id === j.id).map((s) => ({ action: s.action as JustificationStep['action'], actor: ref(s.actor_id), at: s.at, comment: s.comment })),
  }));
}
