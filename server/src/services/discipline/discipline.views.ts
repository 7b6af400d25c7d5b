import type { DisciplineHistory, DisciplineList, Incident, IncidentRole, Measure } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { displayName } from '../directory/index.js';
import { addDays, parisInstant } from '../timetable/index.js';
import { type DisciplineScope, disciplineScope, studentsOfTeacher } from './discipline.access.js';
import { incidentPolicies, isVieScolaire, measurePolicies } from './discipline.policy.js';

type IncidentRow = { id: string; type_id: string; type_label: string; occurred_at: string; place: string; description: string; reported_by: string | null; published_at: string | null };
type MeasureRow = {
  id: string;
  student_id: string;
  incident_id: string | null;
  kind: string;
  category: string;
  authority: string;
  reason: string;
  decided_on: string;
  scheduled_at: string | null;
  duration_minutes: number | null;
  starts_on: string | null;
  ends_on: string | null;
  decided_by: string | null;
  published_at: string | null;
  cancelled_at: string | null;
};

const LIST_LIMIT = 500;

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((p) => [p.id, displayName(p.first_name, p.last_name)]));
}

const ref = (id: string | null, named: Map<string, string>) => (id ? { id, name: named.get(id) ?? '' } : null);

function incidentsQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('discipline_incidents as i')
    .innerJoin('discipline_incident_types as t', 't.id', 'i.type_id')
    .select(['i.id', 'i.type_id', 't.label as type_label', 'i.occurred_at', 'i.place', 'i.description', 'i.reported_by', 'i.published_at'])
    .where('i.establishment_id', '=', establishmentId);
}

function measuresQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('discipline_measures as m')
    .select(['m.id', 'm.student_id', 'm.incident_id', 'm.kind', 'm.category', 'm.authority', 'm.reason', 'm.decided_on', 'm.scheduled_at', 'm.duration_minutes', 'm.starts_on', 'm.ends_on', 'm.decided_by', 'm.published_at', 'm.cancelled_at'])
    .where('m.establishment_id', '=', establishmentId);
}

/** Incidents and measures with their people, shown as this reader may see them. */
async function present(db: Db, actor: Actor, establishmentId: string, scope: DisciplineScope, incidents: IncidentRow[], measures: MeasureRow[]): Promise<DisciplineList> {
  const involved = incidents.length
    ? await db
        .selectFrom('discipline_incident_students')
        .select(['incident_id', 'student_id', 'role'])
        .where(
          'incident_id',
          'in',
          incidents.map((i) => i.id),
        )
        .execute()
    : [];
  const shown = scope.kind === 'family' ? involved.filter((s) => s.student_id === scope.studentId) : involved;
  const named = await names(db, [...shown.map((s) => s.student_id), ...incidents.map((i) => i.reported_by), ...measures.flatMap((m) => [m.student_id, m.decided_by])]);
  const family = scope.kind === 'family';
  return {
    incidents: incidents.map(
      (i): Incident => ({
        id: i.id,
        type: { id: i.type_id, label: i.type_label },
        occurredAt: i.occurred_at,
        place: i.place,
        description: i.description,
        students: shown.filter((s) => s.incident_id === i.id).map((s) => ({ id: s.student_id, name: named.get(s.student_id) ?? '', role: s.role as IncidentRole })),
        reportedBy: ref(i.reported_by, named),
        publishedAt: i.published_at,
        policies: family ? { edit: false, publish: false } : incidentPolicies(actor, establishmentId, i),
      }),
    ),
    measures: measures.map(
      (m): Measure => ({
        id: m.id,
        student: ref(m.student_id, named) as { id: string; name: string },
        incidentId: m.incident_id,
        kind: m.kind as Measure['kind'],
        category: m.category as Measure['category'],
        authority: m.authority as Measure['authority'],
        reason: m.reason,
        decidedOn: m.decided_on,
        scheduledAt: m.scheduled_at,
        durationMinutes: m.duration_minutes,
        startsOn: m.starts_on,
        endsOn: m.ends_on,
        decidedBy: ref(m.decided_by, named),
        publishedAt: m.published_at,
        cancelledAt: m.cancelled_at,
        policies: family ? { edit: false, publish: false, cancel: false } : measurePolicies(actor, establishmentId, m),
      }),
    ),
  };
}

/**
 * The records this reader may see, newest first, optionally for one student and between two dates
 * (Paris days, inclusive). Visibility is one condition in each query, never a check per row.
 */
export async function listRecords(db: Db, actor: Actor, establishmentId: string, q: { studentId?: string; from?: string; to?: string }): Promise<DisciplineList> {
  const scope = await disciplineScope(db, actor, establishmentId, q.studentId);
  const studentId = scope.kind === 'family' ? scope.studentId : q.studentId;
  let incidents = incidentsQuery(db, establishmentId);
  let measures = measuresQuery(db, establishmentId);
  const involving = (ids: string[]) => db.selectFrom('discipline_incident_students').select('incident_id').where('student_id', 'in', ids.length ? ids : ['']);
  if (studentId) {
    incidents = incidents.where('i.id', 'in', involving([studentId]));
    measures = measures.where('m.student_id', '=', studentId);
  }
  if (scope.kind === 'family') {
    incidents = incidents.where('i.published_at', 'is not', null);
    measures = measures.where('m.published_at', 'is not', null);
  }
  if (scope.kind === 'teacher') {
    const pupils = [...scope.studentIds];
    incidents = incidents.where((eb) => eb.or([eb('i.reported_by', '=', actor.personId), eb('i.id', 'in', involving(pupils))]));
    measures = measures.where((eb) => eb.or([eb('m.decided_by', '=', actor.personId), eb('m.student_id', 'in', pupils.length ? pupils : [''])]));
  }
  if (q.from) {
    incidents = incidents.where('i.occurred_at', '>=', parisInstant(q.from, '00:00').toISOString());
    measures = measures.where('m.decided_on', '>=', q.from);
  }
  if (q.to) {
    incidents = incidents.where('i.occurred_at', '<', parisInstant(addDays(q.to, 1), '00:00').toISOString());
    measures = measures.where('m.decided_on', '<=', q.to);
  }
  const [incidentRows, measureRows] = await Promise.all([
    incidents.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(LIST_LIMIT).execute(),
    measures.orderBy('m.decided_on', 'desc').orderBy('m.id', 'desc').limit(LIST_LIMIT).execute(),
  ]);
  return present(db, actor, establishmentId, scope, incidentRows, measureRows);
}

/** Staff who may see the record (not families): vie scolaire, or the teacher in scope. */
async function requireStaffReader(db: Db, actor: Actor, establishmentId: string, record: { authorId: string | null; studentIds: string[] }): Promise<void> {
  if (isVieScolaire(actor, establishmentId)) return;
  if (record.authorId === actor.personId) return;
  const pupils = await studentsOfTeacher(db, actor.personId, establishmentId);
  // Only teachers teach groups, so this set is empty for anyone else.
  if (record.studentIds.some((id) => pupils.has(id))) return;
  throw forbidden('discipline.not_visible');
}

export async function loadIncident(db: Db, establishmentId: string, incidentId: string) {
  const row = await incidentsQuery(db, establishmentId).where('i.id', '=', incidentId).executeTakeFirst();
  if (!row) throw notFound('discipline.incident_not_found');
  const students = await db.selectFrom('discipline_incident_students').select(['student_id', 'role']).where('incident_id', '=', incidentId).execute();
  return { ...row, students };
}

export async function loadMeasure(db: Db, establishmentId: string, measureId: string) {
  const row = await measuresQuery(db, establishmentId).where('m.id', '=', measureId).executeTakeFirst();
  if (!row) throw notFound('discipline.measure_not_found');
  return row;
}

/** One incident or measure as staff see it (the write use cases answer with it). */
export async function staffView(db: Db, actor: Actor, establishmentId: string, ids: { incidentId?: string; measureId?: string }): Promise<DisciplineList> {
  const incidents = ids.incidentId ? [await loadIncident(db, establishmentId, ids.incidentId)] : [];
  const measures = ids.measureId ? [await loadMeasure(db, establishmentId, ids.measureId)] : [];
  return present(db, actor, establishmentId, { kind: 'staff' }, incidents, measures);
}

/** Every change to one incident or measure, oldest first, for the staff who may see it. */
export async function recordHistory(db: Db, actor: Actor, establishmentId: string, ids: { incidentId?: string; measureId?: string }): Promise<DisciplineHistory> {
  if (ids.incidentId) {
    const incident = await loadIncident(db, establishmentId, ids.incidentId);
    await requireStaffReader(db, actor, establishmentId, { authorId: incident.reported_by, studentIds: incident.students.map((s) => s.student_id) });
  } else if (ids.measureId) {
    const measure = await loadMeasure(db, establishmentId, ids.measureId);
    await requireStaffReader(db, actor, establishmentId, { authorId: measure.decided_by, studentIds: [measure.student_id] });
  }
  let query = db.selectFrom('discipline_history').select(['action', 'actor_id', 'at', 'details', 'id']).where('establishment_id', '=', establishmentId);
  query = ids.incidentId ? query.where('incident_id', '=', ids.incidentId) : query.where('measure_id', '=', ids.measureId ?? '');
  const rows = await query.orderBy('at').orderBy('id').execute();
  const named = await names(
    db,
    rows.map((r) => r.actor_id),
  );
  return { entries: rows.map((r) => ({ action: r.action, actor: ref(r.actor_id, named), at: r.at, details: JSON.parse(r.details) as Record<string, unknown> })) };
}
