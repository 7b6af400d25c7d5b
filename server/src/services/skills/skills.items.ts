import type { NewSkillItem, SkillItem, SkillItems, SkillItemUpdate } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { requireSubject } from '../grades/index.js';
import { requireItemAuthor } from './skills.access.js';

function itemRows(db: Db, establishmentId: string) {
  return db
    .selectFrom('skill_items as i')
    .leftJoin('subjects as s', 's.id', 'i.subject_id')
    .select(['i.id', 'i.component', 'i.subject_id', 's.name as subject_name', 'i.label', 'i.active'])
    .where('i.establishment_id', '=', establishmentId);
}

type ItemRow = { id: string; component: string; subject_id: string | null; subject_name: string | null; label: string; active: number };
const toItem = (r: ItemRow): SkillItem => ({
  id: r.id,
  component: r.component as SkillItem['component'],
  subject: r.subject_id ? { id: r.subject_id, name: r.subject_name ?? '' } : null,
  label: r.label,
  active: r.active === 1,
});

/** The establishment's skills, for one subject (its own and the shared ones) or all, active first. */
export async function listItems(db: Db, establishmentId: string, subjectId?: string): Promise<SkillItems> {
  let query = itemRows(db, establishmentId);
  if (subjectId) query = query.where((eb) => eb.or([eb('i.subject_id', '=', subjectId), eb('i.subject_id', 'is', null)]));
  const rows = await query.orderBy('i.active', 'desc').orderBy('i.component').orderBy('i.label').execute();
  return { items: rows.map(toItem) };
}

export async function createItem(ctx: AppContext, actor: Actor, establishmentId: string, input: NewSkillItem): Promise<SkillItem> {
  if (input.subjectId !== null) await requireSubject(ctx.db, establishmentId, input.subjectId);
  await requireItemAuthor(ctx.db, actor, establishmentId, input.subjectId);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await ctx.db
    .insertInto('skill_items')
    .values({ id, establishment_id: establishmentId, component: input.component, subject_id: input.subjectId, label: input.label, active: 1, created_by: actor.personId, created_at: now.toISOString() })
    .execute();
  return toItem(await itemRows(ctx.db, establishmentId).where('i.id', '=', id).executeTakeFirstOrThrow());
}

async function ownItem(db: Db, actor: Actor, establishmentId: string, itemId: string) {
  const row = await db.selectFrom('skill_items').select(['id', 'subject_id']).where('id', '=', itemId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('skills.item_not_found');
  await requireItemAuthor(db, actor, establishmentId, row.subject_id);
  return row;
}

/** Renames or (de)activates a skill; its component and subject stay, so past results keep their meaning. */
export async function updateItem(ctx: AppContext, actor: Actor, establishmentId: string, itemId: string, input: SkillItemUpdate): Promise<SkillItem> {
  await ownItem(ctx.db, actor, establishmentId, itemId);
  await ctx.db.updateTable('skill_items').set({ label: input.label, active: input.active ? 1 : 0 }).where('id', '=', itemId).execute();
  return toItem(await itemRows(ctx.db, establishmentId).where('i.id', '=', itemId).executeTakeFirstOrThrow());
}

/** Deletes a skill never assessed; one already assessed is deactivated instead (its results stay). */
export async function deleteItem(ctx: AppContext, actor: Actor, establishmentId: string, itemId: string): Promise<void> {
  await ownItem(ctx.db, actor, establishmentId, itemId);
  const used = await ctx.db.selectFrom('skill_assessment_skills').select('id').where('item_id', '=', itemId).executeTakeFirst();
  if (used) throw new AppError('skills.item_in_use', 409);
  await ctx.db.deleteFrom('skill_items').where('id', '=', itemId).execute();
}
