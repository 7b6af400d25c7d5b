import type { Insertable } from 'kysely';
import type { Db } from '../kernel/db/database.js';
import type { Database } from '../kernel/db/schema.js';
import { expand } from '../services/timetable/calendar/occurrences.js';
import { addDays, defaultCalendar, mondayOf, parisToday, schoolYearOf, zoneOfAcademy } from '../services/timetable/index.js';
import { Rng } from './prng.js';

/**
 * The demo collège's school life: a timetable for every class (with a week A/B pair and one
 * lesson cancelled and one replaced this week), the school calendar of its zone, and the cahier de
 * textes of 5B for the past month with homework due in the coming days, so demo.student's agenda
 * and demo.teacher's classes are alive. Same seed and `now` ⇒ same rows.
 */

/** Weekly hours per subject in a collège class (cycle 4, rounded). */
const HOURS: Record<string, number> = { FRANC: 4, MATHS: 4, HIGEO: 3, AGL1: 3, ESP2: 2, ALL2: 2, SVT: 2, 'PH-CH': 2, TECHN: 1, EPS: 3, 'A-PLA': 1, EDMUS: 1, LCALA: 1 };
const MORNING = ['08:00', '09:00', '10:00', '11:00'];
const AFTERNOON = ['13:30', '14:30', '15:30', '16:30'];
const end = (start: string) => (start.endsWith(':30') ? `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:25` : `${String(Number(start.slice(0, 2))).padStart(2, '0')}:55`);
/** Monday to Friday, Wednesday afternoon off. */
const PERIODS: { day: number; start: string }[] = [1, 2, 3, 4, 5].flatMap((day) => (day === 3 ? MORNING : [...MORNING, ...AFTERNOON]).map((start) => ({ day, start })));

const CONTENT: Record<string, string[]> = {
  MATHS: ['Fractions : comparer et ranger', 'Fractions : additionner', 'Nombres relatifs', 'Proportionnalité', 'Triangles : construction', 'Calcul littéral'],
  FRANC: ['Lecture : Les Fourberies de Scapin', 'Grammaire : le complément du nom', 'Expression écrite : le portrait', 'Orthographe : les accords', 'Vocabulaire du théâtre'],
  HIGEO: ['Le Moyen Âge : la féodalité', 'Les croisades', 'La croissance démographique', 'Les ressources en eau'],
  AGL1: ['Unit 3 : my daily routine', 'Present continuous', 'Describing a picture', 'Unit 4 : London'],
  SVT: ['La respiration', 'Les êtres vivants et leur milieu', 'Le peuplement des milieux'],
  'PH-CH': ['Les changements d’état', 'Mélanges et solutions', 'La lumière'],
};
const HOMEWORK: { kind: string; text: string; minutes: number }[] = [
  { kind: 'exercise', text: 'Exercices 4, 5 et 6 page 52', minutes: 30 },
  { kind: 'lesson', text: 'Apprendre la leçon et les définitions', minutes: 20 },
  { kind: 'exercise', text: 'Terminer la fiche d’exercices distribuée en classe', minutes: 25 },
  { kind: 'reading', text: 'Lire les pages 110 à 118', minutes: 30 },
  { kind: 'test', text: 'Évaluation sur le chapitre : réviser la leçon et les exercices', minutes: 45 },
];

interface Unit {
  groupId: string;
  classIds: string[];
  subjectId: string;
  code: string;
  teacherId: string;
}

export async function seedSchoolLife(db: Db, options: { seed: number; now: Date; teacherLogin: string; studentLogin: string }): Promise<void> {
  const teacher = await db
    .selectFrom('people')
    .innerJoin('memberships as m', 'm.person_id', 'people.id')
    .select(['people.id', 'm.establishment_id'])
    .where('people.login', '=', options.teacherLogin)
    .where('m.profile', '=', 'teacher')
    .executeTakeFirst();
  if (!teacher) return;
  const establishmentId = teacher.establishment_id;
  const rng = new Rng(options.seed, 90_001);
  const nowIso = options.now.toISOString();
  const today = parisToday(options.now);

  const [establishment, teachings, classLinks, student] = await Promise.all([
    db.selectFrom('establishments').select(['academy']).where('id', '=', establishmentId).executeTakeFirstOrThrow(),
    db
      .selectFrom('teachings as t')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .select(['t.group_id', 't.person_id', 't.subject_id', 's.code', 'g.kind', 'g.name'])
      .where('g.establishment_id', '=', establishmentId)
      .orderBy('g.name')
      .orderBy('s.code')
      .execute(),
    db.selectFrom('group_classes as gc').innerJoin('groups as g', 'g.id', 'gc.group_id').select(['gc.group_id', 'gc.class_id']).where('g.establishment_id', '=', establishmentId).execute(),
    db
      .selectFrom('people')
      .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
      .innerJoin('groups as g', 'g.id', 'gm.group_id')
      .select(['g.id as class_id', 'people.id as student_id'])
      .where('people.login', '=', options.studentLogin)
      .where('g.kind', '=', 'class')
      .executeTakeFirst(),
  ]);

  // Teaching groups first (they tie several classes together), then each class's own subjects.
  const units: Unit[] = teachings
    .map((t) => ({
      groupId: t.group_id,
      classIds: t.kind === 'class' ? [t.group_id] : classLinks.filter((l) => l.group_id === t.group_id).map((l) => l.class_id),
      subjectId: t.subject_id,
      code: t.code,
      teacherId: t.person_id,
    }))
    .sort((a, b) => Number(a.classIds.length === 1) - Number(b.classIds.length === 1));

  const rooms: Insertable<Database['rooms']>[] = [];
  const roomOf = new Map<string, string>();
  const room = (code: string, name: string) => {
    let id = roomOf.get(code);
    if (!id) {
      id = rng.id();
      roomOf.set(code, id);
      rooms.push({ id, establishment_id: establishmentId, code, name, created_at: nowIso });
    }
    return id;
  };
  const classIds = [...new Set(units.flatMap((u) => u.classIds))].sort();
  const homeRoom = new Map(classIds.map((id, i) => [id, room(`S${101 + i}`, `Salle ${101 + i}`)]));
  const special: Record<string, string> = { EPS: room('GYM', 'Gymnase'), SVT: room('LAB1', 'Laboratoire 1'), 'PH-CH': room('LAB2', 'Laboratoire 2'), TECHN: room('TECH', 'Salle de technologie'), EDMUS: room('MUS', 'Salle de musique'), 'A-PLA': room('ART', 'Salle d’arts plastiques') };

  const busy = new Set<string>();
  const slots: Insertable<Database['timetable_slots']>[] = [];
  for (const unit of units) {
    const hours = HOURS[unit.code] ?? 2;
    const roomId = special[unit.code] ?? homeRoom.get(unit.classIds[0] ?? '') ?? null;
    const offset = rng.int(0, PERIODS.length - 1);
    const usedDays = new Set<number>();
    for (let h = 0; h < hours; h++) {
      // Spread a subject over the week: another day first, any free period otherwise.
      const order = PERIODS.map((_, i) => PERIODS[(offset + i * 7) % PERIODS.length] as { day: number; start: string });
      // Specialised rooms are shared names here (a real collège has several labs): only classes and teachers clash.
      const free = (p: { day: number; start: string }) => !busy.has(`t|${unit.teacherId}|${p.day}|${p.start}`) && unit.classIds.every((c) => !busy.has(`c|${c}|${p.day}|${p.start}`));
      const period = order.find((p) => free(p) && !usedDays.has(p.day)) ?? order.find(free);
      if (!period) break;
      usedDays.add(period.day);
      busy.add(`t|${unit.teacherId}|${period.day}|${period.start}`);
      for (const c of unit.classIds) busy.add(`c|${c}|${period.day}|${period.start}`);
      slots.push({
        id: rng.id(),
        establishment_id: establishmentId,
        group_id: unit.groupId,
        subject_id: unit.subjectId,
        teacher_id: unit.teacherId,
        room_id: roomId,
        weekday: period.day,
        start_time: period.start,
        end_time: end(period.start),
        // The fourth hour of maths is every other week (week A), as many collèges do with a half-group.
        weeks: unit.code === 'MATHS' && h === 3 ? 'A' : 'all',
        valid_from: null,
        valid_to: null,
        source: 'manual',
        created_at: nowIso,
        updated_at: nowIso,
      });
    }
  }

  const year = schoolYearOf(today);
  const zone = zoneOfAcademy(establishment.academy) ?? 'A';
  const calendar = defaultCalendar(year, zone);
  const weekAReference = mondayOf(calendar.start);
  const holidays = calendar.periods.map((p) => ({ id: rng.id(), establishment_id: establishmentId, name: p.name, first_day: p.firstDay, last_day: p.lastDay, source: p.source }));
  const frame = { yearStart: calendar.start, yearEnd: calendar.end, weekAReference, holidays: holidays.map((h) => ({ firstDay: h.first_day, lastDay: h.last_day })) };

  // The student's class: a month of lessons behind, two weeks ahead.
  const classId = student?.class_id;
  const classGroups = new Set([classId, ...classLinks.filter((l) => l.class_id === classId).map((l) => l.group_id)]);
  const slotRows = slots
    .filter((s) => classGroups.has(s.group_id))
    .map((s) => ({
      id: s.id,
      group_id: s.group_id,
      group_name: '',
      subject_id: s.subject_id,
      subject_name: '',
      teacher_id: s.teacher_id ?? null,
      teacher_first: null,
      teacher_last: null,
      room_id: s.room_id ?? null,
      room_code: null,
      room_name: null,
      weekday: s.weekday,
      start_time: s.start_time,
      end_time: s.end_time,
      weeks: s.weeks,
      valid_from: null,
      valid_to: null,
    }));
  const lessons = expand(slotRows, [], frame, addDays(today, -35), addDays(today, 14));
  const codeOf = new Map(units.map((u) => [u.subjectId, u.code]));
  const entries: Insertable<Database['textbook_entries']>[] = [];
  const homework: Insertable<Database['homework_items']>[] = [];
  const exceptions: Insertable<Database['timetable_exceptions']>[] = [];
  const counters = new Map<string, number>();
  for (const [i, lesson] of lessons.entries()) {
    const code = codeOf.get(lesson.slot.subject_id) ?? '';
    const n = counters.get(code) ?? 0;
    counters.set(code, n + 1);
    const titles = CONTENT[code] ?? ['Séance de cours'];
    const future = lesson.date > today;
    // Sessions are filled up to today; the teacher of the demo prepared the next one in advance.
    if (future && !(lesson.slot.teacher_id === teacher.id && !entries.some((e) => e.date > today && e.author_id === teacher.id))) continue;
    const entryId = rng.id();
    const publishAt = future ? `${lesson.date}T06:00:00.000Z` : lesson.startsAt.toISOString();
    entries.push({
      id: entryId,
      establishment_id: establishmentId,
      group_id: lesson.slot.group_id,
      subject_id: lesson.slot.subject_id,
      author_id: lesson.slot.teacher_id ?? teacher.id,
      slot_id: lesson.slot.id,
      date: lesson.date,
      start_time: lesson.slot.start_time,
      end_time: lesson.slot.end_time,
      title: titles[Math.floor(n / 2) % titles.length] as string,
      content_html: `<p>${titles[Math.floor(n / 2) % titles.length]} : cours, exemples au tableau et exercices d’application.</p>`,
      publish_at: publishAt,
      notified_at: future ? null : publishAt,
      created_at: publishAt,
      updated_at: publishAt,
    });
    const next = lessons.slice(i + 1).find((l) => l.slot.subject_id === lesson.slot.subject_id);
    if (next && (i + n) % 3 !== 2) {
      // One test in ten, the rest exercises, lessons to learn and readings.
      const work = (rng.chance(0.1) ? HOMEWORK[4] : HOMEWORK[rng.int(0, 3)]) as (typeof HOMEWORK)[number];
      homework.push({
        id: rng.id(),
        entry_id: entryId,
        establishment_id: establishmentId,
        group_id: lesson.slot.group_id,
        subject_id: lesson.slot.subject_id,
        kind: work.kind,
        instructions_html: `<p>${work.text}</p>`,
        set_on: lesson.date,
        due_on: next.date,
        estimated_minutes: work.minutes,
        hand_in: work.kind === 'exercise' ? 'paper' : 'none',
        targeted: 0,
        publish_at: publishAt,
        position: 0,
        created_at: publishAt,
      });
    }
  }
  // This week: one lesson cancelled and one moved to the library with a replacement teacher.
  const thisWeek = lessons.filter((l) => l.date >= mondayOf(today) && l.date <= addDays(mondayOf(today), 4) && l.date >= today);
  const cancelled = thisWeek.find((l) => codeOf.get(l.slot.subject_id) === 'HIGEO');
  const replaced = thisWeek.find((l) => codeOf.get(l.slot.subject_id) === 'AGL1');
  const colleague = units.find((u) => u.code === 'AGL1' && u.teacherId !== replaced?.slot.teacher_id)?.teacherId ?? null;
  if (cancelled) exceptions.push({ slot_id: cancelled.slot.id, date: cancelled.date, establishment_id: establishmentId, cancelled: 1, room_id: null, teacher_id: null, note: 'Professeur absent', updated_by: null, updated_at: nowIso });
  if (replaced) exceptions.push({ slot_id: replaced.slot.id, date: replaced.date, establishment_id: establishmentId, cancelled: 0, room_id: room('CDI', 'CDI'), teacher_id: colleague, note: null, updated_by: null, updated_at: nowIso });

  // The demo student did their past homework, but the last piece: the agenda shows one item overdue.
  const past = homework.filter((h) => h.due_on < today).sort((a, b) => (a.due_on < b.due_on ? -1 : a.due_on > b.due_on ? 1 : 0));
  const done = student ? past.slice(0, -1).map((h) => ({ homework_id: h.id, student_id: student.student_id, done_at: `${h.due_on}T17:00:00.000Z` })) : [];

  await db.transaction().execute(async (trx) => {
    const insert = async <T extends keyof Database>(table: T, rows: Insertable<Database[T]>[]) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    };
    await trx.insertInto('school_calendars').values({ establishment_id: establishmentId, zone, year_start: calendar.start, year_end: calendar.end, week_a_reference: weekAReference, updated_at: nowIso, updated_by: null }).execute();
    await insert('calendar_holidays', holidays);
    await insert('rooms', rooms);
    await insert('timetable_slots', slots);
    await insert('timetable_exceptions', exceptions);
    await insert('textbook_entries', entries);
    await insert('homework_items', homework);
    await insert('homework_done', done);
  });
}
