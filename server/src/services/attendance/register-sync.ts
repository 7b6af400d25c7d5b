/**
 * What submitting a register does to `attendance_events`, decided without the database so the
 * rules are tested alone: one event per student marked absent, late or left early; the same
 * submission twice gives the same rows; a student no longer marked loses their event unless a
 * justification was started or decided for it — then the event stays, flagged for vie scolaire.
 */
export interface SubmittedMark {
  studentId: string;
  status: 'present' | 'absent' | 'late' | 'left_early';
  minutes: number | null;
  reasonId: string | null;
  comment: string | null;
}

export interface ExistingEvent {
  id: string;
  student_id: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  minutes: number | null;
  reason_id: string | null;
  justification: string;
  comment: string | null;
  flag: string | null;
}

export interface EventValues {
  kind: 'absence' | 'late' | 'left_early';
  starts_at: string;
  ends_at: string;
  minutes: number | null;
  reason_id: string | null;
  justification: string;
  comment: string | null;
  flag: null;
}

export interface SyncPlan {
  insert: (EventValues & { student_id: string })[];
  update: (EventValues & { id: string })[];
  remove: string[];
  flag: string[];
}

const MINUTE = 60_000;

/** The event a mark means for a lesson: lateness from the start, an early departure up to the end. */
export function eventFor(mark: SubmittedMark, lesson: { startsAt: string; endsAt: string }): Pick<EventValues, 'kind' | 'starts_at' | 'ends_at' | 'minutes'> | null {
  const start = new Date(lesson.startsAt);
  const end = new Date(lesson.endsAt);
  switch (mark.status) {
    case 'present':
      return null;
    case 'absent':
      return { kind: 'absence', starts_at: start.toISOString(), ends_at: end.toISOString(), minutes: null };
    case 'late':
      return { kind: 'late', starts_at: start.toISOString(), ends_at: new Date(start.getTime() + (mark.minutes ?? 0) * MINUTE).toISOString(), minutes: mark.minutes };
    case 'left_early':
      return { kind: 'left_early', starts_at: new Date(end.getTime() - (mark.minutes ?? 0) * MINUTE).toISOString(), ends_at: end.toISOString(), minutes: mark.minutes };
  }
}

/**
 * `justifying` tells whether a reason counts as justified. A reason entered by vie scolaire sets the
 * justification unless the justification workflow is deciding it ('pending', 'refused'); a mark
 * without a reason leaves the event's reason and justification as they are.
 */
export function planSync(
  marks: SubmittedMark[],
  existing: ExistingEvent[],
  lesson: { startsAt: string; endsAt: string },
  justifying: (reasonId: string) => boolean,
  /** Students away in a collective activity: the register records no absence for them. */
  away: Set<string>,
): SyncPlan {
  const plan: SyncPlan = { insert: [], update: [], remove: [], flag: [] };
  const byStudent = new Map(existing.map((e) => [e.student_id, e]));
  const wanted = new Set<string>();
  for (const mark of marks) {
    const shape = away.has(mark.studentId) ? null : eventFor(mark, lesson);
    if (!shape) continue;
    wanted.add(mark.studentId);
    const previous = byStudent.get(mark.studentId);
    const fromReason = mark.reasonId && justifying(mark.reasonId) ? 'justified' : 'unjustified';
    // Without a reason in the mark the event keeps its own (set by vie scolaire or the justification workflow).
    const reasonId = mark.reasonId ?? previous?.reason_id ?? null;
    const workflowDecides = previous && (!mark.reasonId || previous.justification === 'pending' || previous.justification === 'refused');
    const values: EventValues = {
      ...shape,
      reason_id: reasonId,
      justification: previous && workflowDecides ? previous.justification : fromReason,
      comment: mark.comment ?? previous?.comment ?? null,
      flag: null,
    };
    if (!previous) plan.insert.push({ ...values, student_id: mark.studentId });
    else if (differs(previous, values)) plan.update.push({ ...values, id: previous.id });
  }
  for (const e of existing) {
    if (wanted.has(e.student_id)) continue;
    if (e.justification === 'unjustified') plan.remove.push(e.id);
    else if (e.flag !== 'unmarked') plan.flag.push(e.id);
  }
  return plan;
}

function differs(e: ExistingEvent, v: EventValues): boolean {
  return (
    e.kind !== v.kind ||
    e.starts_at !== v.starts_at ||
    e.ends_at !== v.ends_at ||
    e.minutes !== v.minutes ||
    e.reason_id !== v.reason_id ||
    e.justification !== v.justification ||
    e.comment !== v.comment ||
    e.flag !== null
  );
}
