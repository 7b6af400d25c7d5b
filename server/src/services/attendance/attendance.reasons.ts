import type { AttendanceReason, AttendanceSettings, NewAttendanceReason } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

/** The usual French reasons, given to each establishment the first time attendance is used there. */
export const DEFAULT_REASONS: { code: string; label: string; countsAsJustified: boolean }[] = [
  { code: 'maladie', label: 'Maladie', countsAsJustified: true },
  { code: 'rdv_medical', label: 'Rendez-vous médical', countsAsJustified: true },
  { code: 'raison_familiale', label: 'Raison familiale', countsAsJustified: true },
  { code: 'transport', label: 'Problème de transport', countsAsJustified: true },
  { code: 'convocation', label: 'Convocation officielle', countsAsJustified: true },
  { code: 'sortie_scolaire', label: 'Sortie scolaire', countsAsJustified: true },
  { code: 'examen', label: 'Examen', countsAsJustified: true },
  { code: 'panne_reveil', label: 'Panne de réveil', countsAsJustified: false },
  { code: 'non_justifie', label: 'Non justifié', countsAsJustified: false },
];

export const DEFAULT_SETTINGS: AttendanceSettings = { halfDayBoundary: '12:30', forgottenAfterMinutes: 15 };

/**
 * Gives the establishment its settings row and default reasons once: the settings row is the mark
 * that it was done, so reasons deleted later are not brought back.
 */
export async function ensureAttendanceSetup(db: Db, establishmentId: string, now: Date): Promise<void> {
  const existing = await db.selectFrom('attendance_settings').select('establishment_id').where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const inserted = await trx
      .insertInto('attendance_settings')
      .values({ establishment_id: establishmentId, updated_at: at, updated_by: null })
      .onConflict((oc) => oc.column('establishment_id').doNothing())
      .returning('establishment_id')
      .executeTakeFirst();
    // Another request set it up meanwhile.
    if (!inserted) return;
    await trx
      .insertInto('attendance_reasons')
      .values(
        DEFAULT_REASONS.map((r, i) => ({
          id: newId(now.getTime()),
          establishment_id: establishmentId,
          code: r.code,
          label: r.label,
          counts_as_justified: r.countsAsJustified ? 1 : 0,
          active: 1,
          position: (i + 1) * 10,
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['establishment_id', 'code']).doNothing())
      .execute();
  });
}

type ReasonRow = { id: string; code: string; label: string; counts_as_justified: number; active: number; position: number };
export const toReason = (r: ReasonRow): AttendanceReason => ({
  id: r.id,
  code: r.code,
  label: r.label,
  countsAsJustified: r.counts_as_justified === 1,
  active: r.active === 1,
  position: r.position,
});

export async function listReasons(ctx: AppContext, establishmentId: string, onlyActive = false): Promise<AttendanceReason[]> {
  await ensureAttendanceSetup(ctx.db, establishmentId, ctx.clock.now());
  let q = ctx.db
    .selectFrom('attendance_reasons')
    .select(['id', 'code', 'label', 'counts_as_justified', 'active', 'position'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('position')
    .orderBy('code');
  if (onlyActive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toReason);
}

/** A reason of this establishment, or a 400 (it comes from a form's choice). */
export async function requireReason(db: Db, establishmentId: string, reasonId: string): Promise<ReasonRow> {
  const row = await db
    .selectFrom('attendance_reasons')
    .select(['id', 'code', 'label', 'counts_as_justified', 'active', 'position'])
    .where('id', '=', reasonId)
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (!row) throw new AppError('attendance.reason_not_found', 400);
  return row;
}

async function codeTaken(db: Db, establishmentId: string, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('attendance_reasons').select('id').where('establishment_id', '=', establishmentId).where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function createReason(ctx: AppContext, establishmentId: string, input: NewAttendanceReason): Promise<AttendanceReason> {
  await ensureAttendanceSetup(ctx.db, establishmentId, ctx.clock.now());
  const code = input.code.trim();
  if (await codeTaken(ctx.db, establishmentId, code)) throw new AppError('attendance.reason_code_taken', 409);
  const now = ctx.clock.now();
  const last = await ctx.db.selectFrom('attendance_reasons').select((eb) => eb.fn.max('position').as('max')).where('establishment_id', '=', establishmentId).executeTakeFirst();
  const row = {
    id: newId(now.getTime()),
    establishment_id: establishmentId,
    code,
    label: input.label.trim(),
    counts_as_justified: input.countsAsJustified ? 1 : 0,
    active: input.active === false ? 0 : 1,
    position: input.position ?? Number(last?.max ?? 0) + 10,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await ctx.db.insertInto('attendance_reasons').values(row).execute();
  return toReason(row);
}

async function existingReason(db: Db, establishmentId: string, reasonId: string) {
  const row = await db.selectFrom('attendance_reasons').select(['id', 'position']).where('id', '=', reasonId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('attendance.reason_not_found');
  return row;
}

export async function updateReason(ctx: AppContext, establishmentId: string, reasonId: string, input: NewAttendanceReason): Promise<AttendanceReason> {
  const existing = await existingReason(ctx.db, establishmentId, reasonId);
  const code = input.code.trim();
  if (await codeTaken(ctx.db, establishmentId, code, reasonId)) throw new AppError('attendance.reason_code_taken', 409);
  const values = {
    code,
    label: input.label.trim(),
    counts_as_justified: input.countsAsJustified ? 1 : 0,
    active: input.active === false ? 0 : 1,
    position: input.position ?? existing.position,
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.updateTable('attendance_reasons').set(values).where('id', '=', reasonId).execute();
  return toReason({ id: reasonId, ...values });
}

/** Deleting is for mistakes: a reason some absence uses is deactivated instead, so history keeps its label. */
export async function deleteReason(ctx: AppContext, establishmentId: string, reasonId: string): Promise<void> {
  await existingReason(ctx.db, establishmentId, reasonId);
  const used = await ctx.db
    .selectFrom('attendance_events')
    .select('id')
    .where('reason_id', '=', reasonId)
    .union(ctx.db.selectFrom('attendance_marks').select('register_id as id').where('reason_id', '=', reasonId))
    .union(ctx.db.selectFrom('attendance_collectives').select('id').where('reason_id', '=', reasonId))
    .limit(1)
    .execute();
  if (used.length > 0) throw new AppError('attendance.reason_in_use', 409);
  await ctx.db.deleteFrom('attendance_reasons').where('id', '=', reasonId).execute();
}

export async function readSettings(ctx: AppContext, establishmentId: string): Promise<AttendanceSettings> {
  await ensureAttendanceSetup(ctx.db, establishmentId, ctx.clock.now());
  const row = await ctx.db.selectFrom('attendance_settings').select(['half_day_boundary', 'forgotten_after_minutes']).where('establishment_id', '=', establishmentId).executeTakeFirst();
  return row ? { halfDayBoundary: row.half_day_boundary, forgottenAfterMinutes: row.forgotten_after_minutes } : DEFAULT_SETTINGS;
}

export async function writeSettings(ctx: AppContext, actor: Actor, establishmentId: string, input: AttendanceSettings): Promise<AttendanceSettings> {
  await ensureAttendanceSetup(ctx.db, establishmentId, ctx.clock.now());
  await ctx.db
    .updateTable('attendance_settings')
    .set({ half_day_boundary: input.halfDayBoundary, forgotten_after_minutes: input.forgottenAfterMinutes, updated_at: ctx.clock.now().toISOString(), updated_by: actor.personId })
    .where('establishment_id', '=', establishmentId)
    .execute();
  return input;
}
