import type { CalendarSettings, Holiday, HolidayZone, SchoolCalendar } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { badRequest, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { calendarRow, establishmentRow, holidayRows } from '../timetable.queries.js';
import { mondayOf, schoolYearOf } from './dates.js';
import { defaultCalendar, zoneOfAcademy } from './french-calendar.js';
import type { CalendarFrame } from './occurrences.js';

export interface LoadedCalendar {
  settings: CalendarSettings;
  holidays: Holiday[];
  frame: CalendarFrame;
}

/**
 * The establishment's calendar: the one its staff saved, else the national one for its académie's
 * zone (zone C when the académie is unknown) for the school year around `date`, alternating weeks
 * from the first week of the year (a week A).
 */
export async function loadCalendar(db: Db, establishmentId: string, date: string): Promise<LoadedCalendar> {
  const [row, rows] = await Promise.all([calendarRow(db, establishmentId), holidayRows(db, establishmentId)]);
  if (row) {
    const holidays = rows.map((h) => ({ id: h.id, name: h.name, from: h.first_day, to: h.last_day, source: h.source as Holiday['source'] }));
    const settings = { zone: row.zone as HolidayZone, yearStart: row.year_start, yearEnd: row.year_end, weekAReference: row.week_a_reference };
    return { settings, holidays, frame: frameOf(settings, holidays) };
  }
  const establishment = await establishmentRow(db, establishmentId);
  const zone = zoneOfAcademy(establishment?.academy ?? null) ?? 'C';
  const year = schoolYearOf(date);
  const defaults = defaultCalendar(year, zone);
  const holidays = defaults.periods.map((p, i) => ({ id: `default-${year}-${i}`, name: p.name, from: p.firstDay, to: p.lastDay, source: p.source }));
  const settings = { zone, yearStart: defaults.start, yearEnd: defaults.end, weekAReference: mondayOf(defaults.start) };
  return { settings, holidays, frame: frameOf(settings, holidays) };
}

function frameOf(settings: CalendarSettings, holidays: Holiday[]): CalendarFrame {
  return {
    yearStart: settings.yearStart,
    yearEnd: settings.yearEnd,
    weekAReference: settings.weekAReference,
    holidays: holidays.map((h) => ({ firstDay: h.from, lastDay: h.to })),
  };
}

export async function schoolCalendar(ctx: AppContext, establishmentId: string, date: string): Promise<SchoolCalendar> {
  const { settings, holidays } = await loadCalendar(ctx.db, establishmentId, date);
  return { ...settings, holidays };
}

/**
 * Saves the zone and the year; the national holidays of that zone and year replace the previous
 * national ones, and the periods staff added by hand stay.
 */
export async function saveCalendar(ctx: AppContext, actor: Actor, establishmentId: string, body: CalendarSettings): Promise<SchoolCalendar> {
  if (body.yearEnd <= body.yearStart) throw badRequest('validation.failed', [{ field: 'body.yearEnd', issue: 'before_start' }]);
  const year = schoolYearOf(body.yearStart);
  const defaults = defaultCalendar(year, body.zone);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = { zone: body.zone, year_start: body.yearStart, year_end: body.yearEnd, week_a_reference: body.weekAReference ? mondayOf(body.weekAReference) : null, updated_at: now, updated_by: actor.personId };
    await trx
      .insertInto('school_calendars')
      .values({ establishment_id: establishmentId, ...row })
      .onConflict((oc) => oc.column('establishment_id').doUpdateSet(row))
      .execute();
    await trx.deleteFrom('calendar_holidays').where('establishment_id', '=', establishmentId).where('source', 'in', ['zone', 'public']).execute();
    await trx
      .insertInto('calendar_holidays')
      .values(defaults.periods.map((p) => ({ id: newId(), establishment_id: establishmentId, name: p.name, first_day: p.firstDay, last_day: p.lastDay, source: p.source })))
      .execute();
  });
  return schoolCalendar(ctx, establishmentId, body.yearStart);
}

/** A closure of the establishment's own (a bridge day, exams); the calendar is saved first if it was the default. */
export async function addHoliday(ctx: AppContext, actor: Actor, establishmentId: string, body: { name: string; from: string; to: string }, today: string) {
  if (body.to < body.from) throw badRequest('validation.failed', [{ field: 'body.to', issue: 'before_from' }]);
  if (!(await calendarRow(ctx.db, establishmentId))) {
    const { settings } = await loadCalendar(ctx.db, establishmentId, today);
    await saveCalendar(ctx, actor, establishmentId, settings);
  }
  await ctx.db.insertInto('calendar_holidays').values({ id: newId(), establishment_id: establishmentId, name: body.name, first_day: body.from, last_day: body.to, source: 'manual' }).execute();
  return schoolCalendar(ctx, establishmentId, today);
}

export async function removeHoliday(ctx: AppContext, establishmentId: string, holidayId: string, today: string) {
  const result = await ctx.db.deleteFrom('calendar_holidays').where('id', '=', holidayId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('timetable.holiday_not_found');
  return schoolCalendar(ctx, establishmentId, today);
}
