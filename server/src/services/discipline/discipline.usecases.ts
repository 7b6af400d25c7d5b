import { type DisciplineList, type NewIncident, NewIncident as NewIncidentSchema, type NewMeasure, NewMeasure as NewMeasureSchema } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, badRequest, forbidden } from '../../kernel/errors/app-error.js';
import { emitEvent } from '../../kernel/events/index.js';
import { newId } from '../../kernel/ids.js';
import { displayName } from '../directory/index.js';
import { parisToday } from '../timetable/index.js';
import { COUNCIL_ONLY, incidentPolicies, isSanction, measurePolicies, pronouncesSanctions } from './discipline.policy.js';
import { ensureIncidentTypes } from './discipline.types.js';
import { loadIncident, loadMeasure, staffView } from './discipline.views.js';

/** French names of the measures, for e-mails and pushes (the web client translates its own). */
export const MEASURE_LABELS: Record<string, string> = {
  note: 'Observation écrite',
  extra_work: 'Devoir supplémentaire',
  detention: 'Retenue',
  class_exclusion: 'Exclusion ponctuelle de cours',
  warning: 'Avertissement',
  reprimand: 'Blâme',
  responsibility_measure: 'Mesure de responsabilisation',
  temporary_class_exclusion: 'Exclusion temporaire de la classe',
  temporary_exclusion: 'Exclusion temporaire de l’établissement',
  permanent_exclusion: 'Exclusion définitive',
};

/** History ids strictly increase in this process, so steps taken in the same millisecond keep their order. */
let lastHistoryMs = 0;
function historyId(now: Date): string {
  lastHistoryMs = Math.max(now.getTime(), lastHistoryMs + 1);
  return newId(lastHistoryMs);
}

async function record(trx: Db, ctx: AppContext, entry: { establishmentId: string; incidentId?: string; measureId?: string; actorId: string; action: string; details: object }) {
  await trx
    .insertInto('discipline_history')
    .values({
      id: historyId(ctx.clock.now()),
      establishment_id: entry.establishmentId,
      incident_id: entry.incidentId ?? null,
      measure_id: entry.measureId ?? null,
      actor_id: entry.actorId,
      action: entry.action,
      details: JSON.stringify(entry.details),
      at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** All named people must be students of this establishment (one query). */
async function requireStudents(db: Db, establishmentId: string, ids: string[]): Promise<void> {
  const rows = await db.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId).where('profile', '=', 'student').where('person_id', 'in', ids).execute();
  const found = new Set(rows.map((r) => r.person_id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw badRequest('discipline.invalid_students', [{ field: `body.students.${missing}`, issue: 'not a student here' }]);
}

async function requireType(db: Db, establishmentId: string, typeId: string, now: Date): Promise<void> {
  await ensureIncidentTypes(db, establishmentId, now);
  const row = await db.selectFrom('discipline_incident_types').select('id').where('id', '=', typeId).where('establishment_id', '=', establishmentId).where('active', '=', 1).executeTakeFirst();
  if (!row) throw badRequest('discipline.type_not_found', [{ field: 'body.typeId', issue: 'unknown type' }]);
}

/** The involved students and their relatives, told when a record is published. */
async function familiesOf(db: Db, studentIds: string[]): Promise<{ recipients: string[]; names: Map<string, string> }> {
  const [relatives, people] = await Promise.all([
    db.selectFrom('relatives').select(['relative_id', 'student_id']).where('student_id', 'in', studentIds).execute(),
    db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', studentIds).execute(),
  ]);
  return { recipients: [...studentIds, ...relatives.map((r) => r.relative_id)], names: new Map(people.map((p) => [p.id, displayName(p.first_name, p.last_name)])) };
}

/** Teachers and vie scolaire record an incident; the reporter is the one who records it. */
export async function createIncident(ctx: AppContext, actor: Actor, establishmentId: string, body: NewIncident): Promise<DisciplineList> {
  const input = NewIncidentSchema.parse(body);
  const now = ctx.clock.now();
  await requireType(ctx.db, establishmentId, input.typeId, now);
  await requireStudents(
    ctx.db,
    establishmentId,
    input.students.map((s) => s.studentId),
  );
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('discipline_incidents')
      .values({ id, establishment_id: establishmentId, type_id: input.typeId, occurred_at: new Date(input.occurredAt).toISOString(), place: input.place, description: input.description, reported_by: actor.personId, published_at: null, published_by: null, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute();
    await trx.insertInto('discipline_incident_students').values(input.students.map((s) => ({ incident_id: id, student_id: s.studentId, role: s.role }))).execute();
    await record(trx, ctx, { establishmentId, incidentId: id, actorId: actor.personId, action: 'created', details: input });
  });
  return staffView(ctx.db, actor, establishmentId, { incidentId: id });
}

export async function updateIncident(ctx: AppContext, actor: Actor, establishmentId: string, incidentId: string, body: NewIncident): Promise<DisciplineList> {
  const input = NewIncidentSchema.parse(body);
  const now = ctx.clock.now();
  const incident = await loadIncident(ctx.db, establishmentId, incidentId);
  if (!incidentPolicies(actor, establishmentId, incident).edit) throw forbidden('discipline.not_editable');
  if (incident.type_id !== input.typeId) await requireType(ctx.db, establishmentId, input.typeId, now);
  await requireStudents(
    ctx.db,
    establishmentId,
    input.students.map((s) => s.studentId),
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('discipline_incidents')
      .set({ type_id: input.typeId, occurred_at: new Date(input.occurredAt).toISOString(), place: input.place, description: input.description, updated_at: now.toISOString() })
      .where('id', '=', incidentId)
      .execute();
    await trx.deleteFrom('discipline_incident_students').where('incident_id', '=', incidentId).execute();
    await trx.insertInto('discipline_incident_students').values(input.students.map((s) => ({ incident_id: incidentId, student_id: s.studentId, role: s.role }))).execute();
    await record(trx, ctx, { establishmentId, incidentId, actorId: actor.personId, action: 'updated', details: input });
  });
  return staffView(ctx.db, actor, establishmentId, { incidentId });
}

/** Vie scolaire publishes an incident: each student involved and their relatives are told. */
export async function publishIncident(ctx: AppContext, actor: Actor, establishmentId: string, incidentId: string): Promise<DisciplineList> {
  const incident = await loadIncident(ctx.db, establishmentId, incidentId);
  if (incident.published_at !== null) throw new AppError('discipline.already_published', 409);
  if (!incidentPolicies(actor, establishmentId, incident).publish) throw forbidden('discipline.not_editable');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // The claim makes a double click publish (and notify) once.
    const claimed = await trx.updateTable('discipline_incidents').set({ published_at: now, published_by: actor.personId }).where('id', '=', incidentId).where('published_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError('discipline.already_published', 409);
    await record(trx, ctx, { establishmentId, incidentId, actorId: actor.personId, action: 'published', details: {} });
    for (const s of incident.students) {
      const families = await familiesOf(trx, [s.student_id]);
      await emitEvent(
        trx,
        {
          type: 'discipline.published',
          establishmentId,
          actorId: actor.personId,
          recipientIds: families.recipients,
          resource: { kind: 'discipline', id: incidentId },
          summary: { studentName: families.names.get(s.student_id) ?? '', label: incident.type_label, date: parisToday(new Date(incident.occurred_at)) },
        },
        ctx.clock,
      );
    }
  });
  return staffView(ctx.db, actor, establishmentId, { incidentId });
}

/**
 * Checks who may give this kind: sanctions by the head or deputies only, the heaviest only on the
 * conseil de discipline's decision; punishments by any teacher or vie scolaire.
 */
function measureFields(actor: Actor, establishmentId: string, input: ReturnType<typeof NewMeasureSchema.parse>) {
  const sanction = isSanction(input.kind);
  if (sanction && !pronouncesSanctions(actor, establishmentId)) throw forbidden('discipline.sanction_head_only');
  const authority = sanction ? (input.authority ?? 'head') : 'staff';
  if (sanction && COUNCIL_ONLY.includes(input.kind) && authority !== 'council') throw badRequest('discipline.council_required', [{ field: 'body.authority', issue: 'council only' }]);
  const detention = input.kind === 'detention';
  const ranged = input.kind === 'temporary_class_exclusion' || input.kind === 'temporary_exclusion';
  return {
    kind: input.kind,
    category: sanction ? 'sanction' : 'punishment',
    authority,
    reason: input.reason,
    decided_on: input.decidedOn,
    incident_id: input.incidentId,
    scheduled_at: detention && input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
    duration_minutes: detention ? input.durationMinutes : null,
    starts_on: ranged || input.kind === 'class_exclusion' ? input.startsOn : null,
    ends_on: ranged ? input.endsOn : input.kind === 'class_exclusion' ? input.startsOn : null,
  };
}

async function requireIncidentOf(db: Db, establishmentId: string, incidentId: string | null, studentId: string): Promise<void> {
  if (!incidentId) return;
  const incident = await loadIncident(db, establishmentId, incidentId);
  if (!incident.students.some((s) => s.student_id === studentId)) throw badRequest('discipline.student_not_involved', [{ field: 'body.incidentId', issue: 'student not involved' }]);
}

export async function createMeasure(ctx: AppContext, actor: Actor, establishmentId: string, body: NewMeasure): Promise<DisciplineList> {
  const input = NewMeasureSchema.parse(body);
  const fields = measureFields(actor, establishmentId, input);
  await requireStudents(ctx.db, establishmentId, [input.studentId]);
  await requireIncidentOf(ctx.db, establishmentId, input.incidentId, input.studentId);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('discipline_measures')
      .values({ id, establishment_id: establishmentId, student_id: input.studentId, ...fields, decided_by: actor.personId, published_at: null, published_by: null, cancelled_at: null, created_at: now, updated_at: now })
      .execute();
    await record(trx, ctx, { establishmentId, measureId: id, actorId: actor.personId, action: 'created', details: { studentId: input.studentId, ...fields } });
  });
  return staffView(ctx.db, actor, establishmentId, { measureId: id });
}

export async function updateMeasure(ctx: AppContext, actor: Actor, establishmentId: string, measureId: string, body: NewMeasure): Promise<DisciplineList> {
  const input = NewMeasureSchema.parse(body);
  const measure = await loadMeasure(ctx.db, establishmentId, measureId);
  if (measure.cancelled_at !== null) throw new AppError('discipline.cancelled', 409);
  if (!measurePolicies(actor, establishmentId, measure).edit) throw forbidden('discipline.not_editable');
  if (input.studentId !== measure.student_id) throw badRequest('validation.failed', [{ field: 'body.studentId', issue: 'cannot change' }]);
  const fields = measureFields(actor, establishmentId, input);
  await requireIncidentOf(ctx.db, establishmentId, input.incidentId, input.studentId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('discipline_measures').set({ ...fields, updated_at: ctx.clock.now().toISOString() }).where('id', '=', measureId).execute();
    await record(trx, ctx, { establishmentId, measureId, actorId: actor.personId, action: 'updated', details: fields });
  });
  return staffView(ctx.db, actor, establishmentId, { measureId });
}

/** Publishing tells the student and their relatives; a published measure stays visible to them. */
export async function publishMeasure(ctx: AppContext, actor: Actor, establishmentId: string, measureId: string): Promise<DisciplineList> {
  const measure = await loadMeasure(ctx.db, establishmentId, measureId);
  if (measure.cancelled_at !== null) throw new AppError('discipline.cancelled', 409);
  if (measure.published_at !== null) throw new AppError('discipline.already_published', 409);
  if (!measurePolicies(actor, establishmentId, measure).publish) throw forbidden('discipline.not_editable');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('discipline_measures').set({ published_at: now, published_by: actor.personId }).where('id', '=', measureId).where('published_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError('discipline.already_published', 409);
    await record(trx, ctx, { establishmentId, measureId, actorId: actor.personId, action: 'published', details: {} });
    const families = await familiesOf(trx, [measure.student_id]);
    await emitEvent(
      trx,
      {
        type: 'discipline.published',
        establishmentId,
        actorId: actor.personId,
        recipientIds: families.recipients,
        resource: { kind: 'discipline', id: measureId },
        summary: { studentName: families.names.get(measure.student_id) ?? '', label: MEASURE_LABELS[measure.kind] ?? measure.kind, date: measure.starts_on ?? measure.decided_on },
      },
      ctx.clock,
    );
  });
  return staffView(ctx.db, actor, establishmentId, { measureId });
}

/** A measure is cancelled, never deleted: families who saw it see it lifted, the history stays. */
export async function cancelMeasure(ctx: AppContext, actor: Actor, establishmentId: string, measureId: string): Promise<DisciplineList> {
  const measure = await loadMeasure(ctx.db, establishmentId, measureId);
  if (measure.cancelled_at !== null) throw new AppError('discipline.cancelled', 409);
  if (!measurePolicies(actor, establishmentId, measure).cancel) throw forbidden('discipline.not_editable');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('discipline_measures').set({ cancelled_at: ctx.clock.now().toISOString(), updated_at: ctx.clock.now().toISOString() }).where('id', '=', measureId).execute();
    await record(trx, ctx, { establishmentId, measureId, actorId: actor.personId, action: 'cancelled', details: {} });
  });
  return staffView(ctx.db, actor, establishmentId, { measureId });
}
