import {
  type ChildAbsences,
  JUSTIFICATION_MAX_BYTES,
  JUSTIFICATION_MEDIA_TYPES,
  type JustificationDecision,
  JustificationDecision as JustificationDecisionSchema,
  type JustificationRecord,
  type JustificationRecords,
  type NewDeclaration,
  NewDeclaration as NewDeclarationSchema,
  type NewJustification,
  NewJustification as NewJustificationSchema,
} from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { emitEvent } from '../../../kernel/events/index.js';
import { newId } from '../../../kernel/ids.js';
import { blobStore } from '../../messaging/index.js';
import { addDays, parisInstant, parisToday } from '../../timetable/index.js';
import { listReasons } from '../attendance.reasons.js';
import { figuresOf } from '../statistics/statistics.js';
import { evaluateThresholds } from '../statistics/thresholds.js';
import { familyAccess, familyRecipients, requireJustifier, requireStudent } from './justification.policy.js';
import { addStep, eventsQuery, loadJustifications, toEvent } from './justification.queries.js';

export interface UploadedDocument {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

/** States a family may (re)justify from: nothing sent yet, or refused. */
const OPEN = ['unjustified', 'refused'];

function cleanName(name: string): string {
  const base = [...name.replace(/[\\/:]/g, '_')].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127).join('').trim();
  return (base || 'justificatif').slice(0, 200);
}

/** PDF or an image, 5 MB at most; the type is read from the bytes, not trusted from the browser. */
export function checkDocument(file: UploadedDocument): string {
  if (file.bytes.byteLength > JUSTIFICATION_MAX_BYTES) throw new AppError('justification.file_too_large', 413);
  const b = file.bytes;
  const sniffed =
    b.subarray(0, 5).toString('latin1') === '%PDF-'
      ? 'application/pdf'
      : b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
        ? 'image/jpeg'
        : b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
          ? 'image/png'
          : b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'
            ? 'image/webp'
            : null;
  if (!sniffed || !(JUSTIFICATION_MEDIA_TYPES as readonly string[]).includes(sniffed)) throw new AppError('justification.file_type', 415);
  return sniffed;
}

async function requireReason(db: Db, establishmentId: string, reasonId: string): Promise<void> {
  const row = await db.selectFrom('attendance_reasons').select('id').where('id', '=', reasonId).where('establishment_id', '=', establishmentId).where('active', '=', 1).executeTakeFirst();
  if (!row) throw badRequest('attendance.reason_not_found', [{ field: 'body.reasonId', issue: 'unknown reason' }]);
}

/**
 * A child's absences, lateness and early departures over a period (default: the last 120 days),
 * with the justifications sent, for the student, their relatives and vie scolaire.
 */
export async function childAbsences(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId?: string; from?: string; to?: string }): Promise<ChildAbsences> {
  const now = ctx.clock.now();
  const studentId = q.studentId ?? actor.personId;
  const student = await requireStudent(ctx.db, establishmentId, studentId);
  const access = await familyAccess(ctx.db, actor, establishmentId, student, now);
  if (!access.read) throw forbidden('attendance.not_visible');
  const to = q.to ?? parisToday(now);
  const from = q.from ?? addDays(to, -120);
  const [events, justifications, reasons, figures] = await Promise.all([
    eventsQuery(ctx.db, establishmentId)
      .where('e.student_id', '=', studentId)
      .where('e.starts_at', '>=', parisInstant(from, '00:00').toISOString())
      .where('e.starts_at', '<', parisInstant(addDays(to, 1), '00:00').toISOString())
      .orderBy('e.starts_at', 'desc')
      .execute(),
    loadJustifications(ctx.db, establishmentId, { studentId }),
    listReasons(ctx, establishmentId, true),
    figuresOf(ctx.db, establishmentId, [studentId], from, to),
  ]);
  // The latest justification of each event (a refused one may be followed by a new one); the list is newest first.
  const latest = new Map<string, string>();
  for (const j of justifications) for (const e of j.events) if (!latest.has(e.id)) latest.set(e.id, j.id);
  return {
    student: { id: student.id, name: student.name },
    canJustify: access.justify,
    events: events.map((e) => ({ ...toEvent(e), canJustify: access.justify && OPEN.includes(e.justification) && e.source !== 'collective', justificationId: latest.get(e.id) ?? null })),
    justifications,
    reasons,
    from,
    to,
    figures: figures.get(studentId) as ChildAbsences['figures'],
  };
}

/** A legal guardian (or the student of age) justifies one or more events of one student. */
export async function submitJustification(ctx: AppContext, actor: Actor, establishmentId: string, body: NewJustification, file: UploadedDocument | null): Promise<JustificationRecord> {
  const input = NewJustificationSchema.parse(body);
  const now = ctx.clock.now();
  const mediaType = file ? checkDocument(file) : null;
  const events = await ctx.db.selectFrom('attendance_events').select(['id', 'student_id', 'starts_at', 'ends_at', 'justification', 'source']).where('establishment_id', '=', establishmentId).where('id', 'in', input.eventIds).execute();
  if (events.length !== new Set(input.eventIds).size) throw notFound('attendance.event_not_found');
  const studentIds = [...new Set(events.map((e) => e.student_id))];
  if (studentIds.length !== 1) throw badRequest('validation.failed', [{ field: 'body.eventIds', issue: 'one student at a time' }]);
  const studentId = studentIds[0] as string;
  await requireJustifier(ctx.db, actor, establishmentId, studentId, now);
  if (events.some((e) => !OPEN.includes(e.justification) || e.source === 'collective')) throw new AppError('justification.not_open', 409);
  await requireReason(ctx.db, establishmentId, input.reasonId);
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    // Claim the events: a second submission racing this one finds them pending and stops.
    const claimed = await trx.updateTable('attendance_events').set({ justification: 'pending', reason_id: input.reasonId, updated_at: now.toISOString() }).where('id', 'in', input.eventIds).where('justification', 'in', OPEN).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== events.length) throw new AppError('justification.not_open', 409);
    const blobId = file ? await blobStore.put(trx, file.bytes, now) : null;
    await trx
      .insertInto('attendance_justifications')
      .values({
        id,
        establishment_id: establishmentId,
        student_id: studentId,
        kind: 'justification',
        starts_at: events.map((e) => e.starts_at).sort()[0] as string,
        ends_at: events.map((e) => e.ends_at).sort().at(-1) as string,
        reason_id: input.reasonId,
        comment: input.comment || null,
        blob_id: blobId,
        file_name: file ? cleanName(file.filename) : null,
        media_type: mediaType,
        file_size: file ? file.bytes.byteLength : null,
        state: 'pending',
        submitted_by: actor.personId,
        submitted_at: now.toISOString(),
        decided_by: null,
        decided_at: null,
        decision_comment: null,
      })
      .execute();
    await trx.insertInto('attendance_justification_events').values(input.eventIds.map((eventId) => ({ justification_id: id, event_id: eventId }))).execute();
    await addStep(trx, now, { establishmentId, justificationId: id, actorId: actor.personId, action: 'submitted', comment: input.comment });
  });
  return (await loadJustifications(ctx.db, establishmentId, { ids: [id] }))[0] as JustificationRecord;
}

/**
 * An absence declared in advance becomes an attendance event (source 'declaration', pending), so
 * registers show the student as reported absent; events the registers create inside its range are
 * linked to it as they arrive (see justification.followup.ts), as are those already there.
 */
export async function declareAbsence(ctx: AppContext, actor: Actor, establishmentId: string, body: NewDeclaration): Promise<JustificationRecord> {
  const input = NewDeclarationSchema.parse(body);
  const now = ctx.clock.now();
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  if (endsAt <= now.toISOString()) throw badRequest('justification.invalid_range', [{ field: 'body.endsAt', issue: 'in the past' }]);
  await requireJustifier(ctx.db, actor, establishmentId, input.studentId, now);
  await requireReason(ctx.db, establishmentId, input.reasonId);
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const eventId = newId(now.getTime());
    const at = now.toISOString();
    await trx
      .insertInto('attendance_events')
      .values({ id: eventId, establishment_id: establishmentId, student_id: input.studentId, kind: 'absence', starts_at: startsAt, ends_at: endsAt, minutes: null, reason_id: input.reasonId, justification: 'pending', source: 'declaration', register_id: null, collective_id: null, comment: input.comment || null, flag: null, created_by: actor.personId, created_at: at, updated_at: at })
      .execute();
    await trx
      .insertInto('attendance_justifications')
      .values({ id, establishment_id: establishmentId, student_id: input.studentId, kind: 'declaration', starts_at: startsAt, ends_at: endsAt, reason_id: input.reasonId, comment: input.comment || null, blob_id: null, file_name: null, media_type: null, file_size: null, state: 'pending', submitted_by: actor.personId, submitted_at: at, decided_by: null, decided_at: null, decision_comment: null })
      .execute();
    // Nothing to tell the family about their own declaration.
    await trx.insertInto('attendance_event_followups').values({ event_id: eventId, establishment_id: establishmentId, notified_at: null, handled_at: at }).execute();
    await trx.insertInto('attendance_justification_events').values({ justification_id: id, event_id: eventId }).execute();
    await addStep(trx, now, { establishmentId, justificationId: id, eventId, actorId: actor.personId, action: 'declared', comment: input.comment });
    await linkCovered(trx, now, establishmentId, { id, student_id: input.studentId, starts_at: startsAt, ends_at: endsAt, state: 'pending', reason_id: input.reasonId });
  });
  return (await loadJustifications(ctx.db, establishmentId, { ids: [id] }))[0] as JustificationRecord;
}

/** Links the student's open events inside a declaration's range to it; they take its state and reason. */
export async function linkCovered(trx: Db, now: Date, establishmentId: string, d: { id: string; student_id: string; starts_at: string; ends_at: string; state: string; reason_id: string | null }, onlyEventIds?: string[]): Promise<string[]> {
  let q = trx
    .selectFrom('attendance_events')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('student_id', '=', d.student_id)
    .where('source', 'in', ['register', 'staff'])
    .where('justification', '=', 'unjustified')
    .where('starts_at', '<', d.ends_at)
    .where('ends_at', '>', d.starts_at);
  if (onlyEventIds) q = q.where('id', 'in', onlyEventIds.length ? onlyEventIds : ['']);
  const ids = (await q.execute()).map((e) => e.id);
  if (ids.length === 0) return [];
  await trx.updateTable('attendance_events').set({ justification: d.state, reason_id: d.reason_id, updated_at: now.toISOString() }).where('id', 'in', ids).execute();
  await trx.insertInto('attendance_justification_events').values(ids.map((eventId) => ({ justification_id: d.id, event_id: eventId }))).onConflict((oc) => oc.doNothing()).execute();
  for (const eventId of ids) await addStep(trx, now, { establishmentId, justificationId: d.id, eventId, actorId: null, action: 'linked' });
  return ids;
}

/** Vie scolaire's queue: justifications waiting for a decision (or in another state), newest first. */
export async function justificationQueue(ctx: AppContext, establishmentId: string, state: string | undefined): Promise<JustificationRecords> {
  return { justifications: await loadJustifications(ctx.db, establishmentId, { state: state ?? 'pending' }) };
}

/**
 * Vie scolaire accepts or refuses (with a comment). The events still attached follow; the family
 * (legal guardians, the student of age) is told; thresholds are looked at again.
 */
export async function decideJustification(ctx: AppContext, actor: Actor, establishmentId: string, justificationId: string, body: JustificationDecision): Promise<JustificationRecord> {
  const input = JustificationDecisionSchema.parse(body);
  const now = ctx.clock.now();
  const j = await ctx.db.selectFrom('attendance_justifications').selectAll().where('id', '=', justificationId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!j) throw notFound('justification.declaration_not_found');
  if (j.state !== 'pending') throw new AppError('justification.not_pending', 409);
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('attendance_justifications')
      .set({ state: input.decision, decided_by: actor.personId, decided_at: now.toISOString(), decision_comment: input.comment || null })
      .where('id', '=', justificationId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError('justification.not_pending', 409);
    const linked = trx.selectFrom('attendance_justification_events').select('event_id').where('justification_id', '=', justificationId);
    await trx.updateTable('attendance_events').set({ justification: input.decision, updated_at: now.toISOString() }).where('id', 'in', linked).where('justification', '=', 'pending').execute();
    await addStep(trx, now, { establishmentId, justificationId, actorId: actor.personId, action: input.decision, comment: input.comment });
    const [family, person] = await Promise.all([familyRecipients(trx, [j.student_id], now), trx.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', j.student_id).executeTakeFirstOrThrow()]);
    await emitEvent(
      trx,
      {
        type: 'attendance.justification_decided',
        establishmentId,
        actorId: actor.personId,
        recipientIds: family.get(j.student_id) ?? [],
        resource: { kind: 'attendance_event', id: justificationId },
        summary: { studentName: `${person.first_name} ${person.last_name}`, decision: input.decision, date: parisToday(new Date(j.starts_at)) },
      },
      ctx.clock,
    );
  });
  await evaluateThresholds(ctx.db, ctx.clock, establishmentId, [j.student_id]);
  return (await loadJustifications(ctx.db, establishmentId, { ids: [justificationId] }))[0] as JustificationRecord;
}

/** The document of a justification: for vie scolaire and the family who may read the student's absences. */
export async function justificationFile(ctx: AppContext, actor: Actor, establishmentId: string, justificationId: string): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const j = await ctx.db.selectFrom('attendance_justifications').select(['student_id', 'blob_id', 'file_name', 'media_type']).where('id', '=', justificationId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!j) throw notFound('justification.declaration_not_found');
  const student = await requireStudent(ctx.db, establishmentId, j.student_id);
  if (!(await familyAccess(ctx.db, actor, establishmentId, student, ctx.clock.now())).read) throw forbidden('attendance.not_visible');
  const bytes = j.blob_id ? await blobStore.get(ctx.db, j.blob_id) : undefined;
  if (!bytes) throw notFound('justification.file_not_found');
  return { name: j.file_name ?? 'justificatif', mediaType: j.media_type ?? 'application/octet-stream', bytes };
}
