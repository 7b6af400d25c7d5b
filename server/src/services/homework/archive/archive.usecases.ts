import type { ArchivedGroup, ArchiveSummary } from '@preau/contracts';
import { type Actor, holdsProfile } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { AppError, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { parisToday } from '../../timetable/index.js';
import { readsWholeEstablishment } from '../homework.policy.js';
import { plainText } from '../textbook/rich-text.js';

/** Five years after the end of the school year (31 August), the archive is purged. */
export const RETENTION_YEARS = 5;
export const expiresOn = (schoolYear: number) => `${schoolYear + 1 + RETENTION_YEARS}-08-31`;
/** A year can be archived once its classes are over: from 1 July of its second calendar year. */
const yearOver = (schoolYear: number, today: string) => today >= `${schoolYear + 1}-07-01`;

/**
 * Freezes the cahier de textes of a school year (every published session, its homework and the
 * visas, per class or group) into JSON rows. Written once: there is no route to change or replace
 * it, and archiving the same year again is refused (409), so what inspectors read stays what was.
 */
export async function createArchive(ctx: AppContext, actor: Actor, establishmentId: string, schoolYear: number): Promise<ArchiveSummary> {
  const now = ctx.clock.now();
  if (!yearOver(schoolYear, parisToday(now))) throw new AppError('homework.archive_year_open', 409);
  const existing = await ctx.db.selectFrom('textbook_archives').select('id').where('establishment_id', '=', establishmentId).where('school_year', '=', schoolYear).executeTakeFirst();
  if (existing) throw new AppError('homework.archive_exists', 409);
  const from = `${schoolYear}-08-01`;
  const to = `${schoolYear + 1}-07-31`;
  const [entries, items, visas] = await Promise.all([
    ctx.db
      .selectFrom('textbook_entries as e')
      .innerJoin('groups as g', 'g.id', 'e.group_id')
      .innerJoin('subjects as s', 's.id', 'e.subject_id')
      .leftJoin('people as p', 'p.id', 'e.author_id')
      .select(['e.id', 'e.group_id', 'g.name as group_name', 'e.date', 's.name as subject', 'p.first_name', 'p.last_name', 'e.title', 'e.content_html'])
      .where('e.establishment_id', '=', establishmentId)
      .where('e.date', '>=', from)
      .where('e.date', '<=', to)
      .where('e.publish_at', '<=', now.toISOString())
      .orderBy('e.date')
      .orderBy('e.start_time')
      .execute(),
    ctx.db
      .selectFrom('homework_items as h')
      .innerJoin('textbook_entries as e', 'e.id', 'h.entry_id')
      .select(['h.entry_id', 'h.kind', 'h.due_on', 'h.instructions_html'])
      .where('e.establishment_id', '=', establishmentId)
      .where('e.date', '>=', from)
      .where('e.date', '<=', to)
      .orderBy('h.position')
      .execute(),
    ctx.db
      .selectFrom('textbook_visas as v')
      .leftJoin('subjects as s', 's.id', 'v.subject_id')
      .leftJoin('people as p', 'p.id', 'v.visa_by')
      .select(['v.group_id', 'v.date', 's.name as subject', 'v.comment', 'p.first_name', 'p.last_name'])
      .where('v.establishment_id', '=', establishmentId)
      .where('v.date', '>=', from)
      .where('v.date', '<=', to)
      .orderBy('v.date')
      .execute(),
  ]);
  const groups = new Map<string, ArchivedGroup>();
  for (const e of entries) {
    let group = groups.get(e.group_id);
    if (!group) {
      group = { schoolYear, group: { id: e.group_id, name: e.group_name }, sessions: [], visas: [] };
      groups.set(e.group_id, group);
    }
    group.sessions.push({
      date: e.date,
      subject: e.subject,
      teacher: e.last_name ? `${e.first_name} ${e.last_name}` : null,
      title: e.title,
      content: plainText(e.content_html),
      homework: items.filter((h) => h.entry_id === e.id).map((h) => ({ kind: h.kind, dueOn: h.due_on, instructions: plainText(h.instructions_html) })),
    });
  }
  for (const v of visas) groups.get(v.group_id)?.visas.push({ date: v.date, subject: v.subject ?? null, comment: v.comment, by: v.last_name ? `${v.first_name} ${v.last_name}` : null });
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('textbook_archives').values({ id, establishment_id: establishmentId, school_year: schoolYear, created_at: now.toISOString(), created_by: actor.personId, expires_on: expiresOn(schoolYear) }).execute();
    const rows = [...groups.values()].map((g) => ({ archive_id: id, group_id: g.group.id, group_name: g.group.name, content_json: JSON.stringify(g) }));
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('textbook_archive_groups').values(rows.slice(i, i + 200)).execute();
  });
  const [summary] = await listArchives(ctx, actor, establishmentId, schoolYear);
  return summary as ArchiveSummary;
}

/** The groups of the archive this reader may open: all for the head, deputies and inspectors; a teacher's own classes. */
async function readableGroups(db: Db, actor: Actor, establishmentId: string) {
  if (readsWholeEstablishment(actor, establishmentId)) return null;
  if (!holdsProfile(actor, establishmentId, 'teacher')) throw forbidden('homework.not_visible');
  return db
    .selectFrom('group_members')
    .select('group_id')
    .where('person_id', '=', actor.personId)
    .where('role', '=', 'teacher')
    .union(db.selectFrom('teachings').select('group_id').where('person_id', '=', actor.personId));
}

export async function listArchives(ctx: AppContext, actor: Actor, establishmentId: string, schoolYear?: number): Promise<ArchiveSummary[]> {
  const mine = await readableGroups(ctx.db, actor, establishmentId);
  let query = ctx.db
    .selectFrom('textbook_archives as a')
    .leftJoin('textbook_archive_groups as g', 'g.archive_id', 'a.id')
    .select(['a.school_year', 'a.created_at', 'a.expires_on', 'g.group_id', 'g.group_name', 'g.content_json'])
    .where('a.establishment_id', '=', establishmentId)
    .orderBy('a.school_year', 'desc')
    .orderBy('g.group_name');
  if (schoolYear !== undefined) query = query.where('a.school_year', '=', schoolYear);
  const rows = await query.execute();
  const allowed = mine ? new Set((await mine.execute()).map((r) => r.group_id)) : null;
  const years = new Map<number, ArchiveSummary>();
  for (const r of rows) {
    const year = Number(r.school_year);
    let summary = years.get(year);
    if (!summary) {
      summary = { schoolYear: year, createdAt: r.created_at, expiresOn: r.expires_on, groups: [] };
      years.set(year, summary);
    }
    if (r.group_id && (!allowed || allowed.has(r.group_id))) {
      const content = JSON.parse(r.content_json ?? '{}') as ArchivedGroup;
      summary.groups.push({ id: r.group_id, name: r.group_name ?? '', sessions: content.sessions?.length ?? 0 });
    }
  }
  return [...years.values()];
}

export async function readArchivedGroup(ctx: AppContext, actor: Actor, establishmentId: string, schoolYear: number, groupId: string): Promise<ArchivedGroup> {
  const row = await ctx.db
    .selectFrom('textbook_archives as a')
    .innerJoin('textbook_archive_groups as g', 'g.archive_id', 'a.id')
    .select('g.content_json')
    .where('a.establishment_id', '=', establishmentId)
    .where('a.school_year', '=', schoolYear)
    .where('g.group_id', '=', groupId)
    .executeTakeFirst();
  if (!row) throw notFound('homework.archive_not_found');
  const mine = await readableGroups(ctx.db, actor, establishmentId);
  if (mine && !(await mine.execute()).some((r) => r.group_id === groupId)) throw forbidden('homework.not_visible');
  return JSON.parse(row.content_json) as ArchivedGroup;
}

/** Deletes the archives past their five years (their rows go with them). Returns how many. */
export async function purgeExpiredArchives(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('textbook_archives').where('expires_on', '<', parisToday(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Once a day, whichever process gets there. */
export function scheduleArchivePurge(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    purgeExpiredArchives(ctx.db, ctx.clock.now()).catch(() => {});
  }, 24 * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
