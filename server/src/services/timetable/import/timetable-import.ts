import { Readable } from 'node:stream';
import type { TimetableImportReport } from '@preau/contracts';
import type { Insertable } from 'kysely';
import type { Database } from '../../../kernel/db/schema.js';
import type { AppContext } from '../../../kernel/context.js';
import { badRequest, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { fold } from '../../directory/index.js';
import { UnusableFileError } from '../../imports/index.js';
import { type CsvLesson, readCsvLessons } from './csv-lessons.js';
import { type ImportedLesson, type LessonRejection, readStsLessons } from './sts-courses.js';

type Source = 'sts' | 'csv';
const BATCH = 500;

/**
 * Replaces the establishment's slots that came from this source by the file's lessons (slots
 * entered or edited by hand stay). Classes, subjects and teachers must exist already (from the
 * accounts import of the same STS file, or created by hand for a CSV); rooms are created. Without
 * `apply` nothing is written: the report tells what would happen.
 */
export async function importTimetable(ctx: AppContext, establishmentId: string, source: Source, file: { name: string; bytes: Uint8Array }, apply: boolean): Promise<TimetableImportReport> {
  const establishment = await ctx.db.selectFrom('establishments').select(['id', 'uai']).where('id', '=', establishmentId).executeTakeFirst();
  if (!establishment) throw notFound('directory.establishment_not_found');
  let read: { lessons: (ImportedLesson | CsvLesson)[]; rejected: LessonRejection[] };
  try {
    read = source === 'sts' ? await readStsLessons({ name: file.name, stream: Readable.from([file.bytes]) }, establishment.uai) : readCsvLessons(file.bytes);
  } catch (error) {
    if (error instanceof UnusableFileError) throw badRequest(error.reason === 'wrong_uai' ? 'imports.wrong_establishment' : 'imports.unusable_file', [{ field: 'file', issue: error.reason }]);
    throw badRequest('imports.unusable_file', [{ field: 'file', issue: 'unreadable' }]);
  }
  const rejected = [...read.rejected];

  const [groups, subjects, rooms, teachers] = await Promise.all([
    ctx.db.selectFrom('groups').select(['id', 'name', 'external_id']).where('establishment_id', '=', establishmentId).execute(),
    ctx.db.selectFrom('subjects').select(['id', 'code', 'name']).where('establishment_id', '=', establishmentId).execute(),
    ctx.db.selectFrom('rooms').select(['id', 'code']).where('establishment_id', '=', establishmentId).execute(),
    source === 'sts'
      ? ctx.db
          .selectFrom('person_sources')
          .innerJoin('memberships as m', 'm.person_id', 'person_sources.person_id')
          .select(['person_sources.external_id as key', 'person_sources.person_id'])
          .where('person_sources.source', '=', 'sts')
          .where('person_sources.scope', '=', establishment.uai)
          .where('m.establishment_id', '=', establishmentId)
          .where('m.profile', '=', 'teacher')
          .execute()
      : ctx.db
          .selectFrom('people')
          .innerJoin('memberships as m', 'm.person_id', 'people.id')
          .select(['people.login as key', 'people.id as person_id'])
          .where('m.establishment_id', '=', establishmentId)
          .where('m.profile', '=', 'teacher')
          .execute(),
  ]);
  const groupBy = new Map(groups.map((g) => [source === 'sts' ? (g.external_id ?? '') : fold(g.name), g.id]));
  const subjectBy = new Map<string, string>();
  for (const s of subjects) {
    subjectBy.set(s.code, s.id);
    if (source === 'csv') subjectBy.set(fold(s.name), s.id);
  }
  const teacherBy = new Map(teachers.map((t) => [source === 'csv' ? t.key.toLowerCase() : t.key, t.person_id]));
  const roomBy = new Map(rooms.map((r) => [r.code, r.id]));
  const newRooms: { id: string; code: string }[] = [];

  const now = ctx.clock.now().toISOString();
  const slots: Insertable<Database['timetable_slots']>[] = [];
  for (const lesson of read.lessons) {
    const groupId = groupBy.get(source === 'sts' ? lesson.structure : fold(lesson.structure));
    const subjectId = subjectBy.get(lesson.subjectCode) ?? subjectBy.get(fold(lesson.subjectCode));
    const teacherRef = 'teacherKey' in lesson ? lesson.teacherKey : lesson.teacherLogin?.toLowerCase() ?? null;
    const teacherId = teacherRef ? teacherBy.get(teacherRef) : null;
    if (!groupId) {
      rejected.push({ line: lesson.line, reason: 'unknown_structure', detail: `${lesson.structure}: no such class or group in the establishment (import the accounts first).` });
      continue;
    }
    if (!subjectId) {
      rejected.push({ line: lesson.line, reason: 'unknown_subject', detail: `${lesson.subjectCode}: no such subject in the establishment.` });
      continue;
    }
    if (teacherRef && !teacherId) rejected.push({ line: lesson.line, reason: 'unknown_teacher', detail: `${teacherRef}: no such teacher here; the lesson is imported without a teacher.` });
    let roomId: string | null = null;
    if (lesson.roomCode) {
      roomId = roomBy.get(lesson.roomCode) ?? null;
      if (!roomId) {
        roomId = newId();
        roomBy.set(lesson.roomCode, roomId);
        newRooms.push({ id: roomId, code: lesson.roomCode });
      }
    }
    slots.push({
      id: newId(),
      establishment_id: establishmentId,
      group_id: groupId,
      subject_id: subjectId,
      teacher_id: teacherId ?? null,
      room_id: roomId,
      weekday: lesson.weekday,
      start_time: lesson.start,
      end_time: lesson.end,
      weeks: lesson.weeks,
      valid_from: null,
      valid_to: null,
      source,
      created_at: now,
      updated_at: now,
    });
  }

  const existing = await ctx.db.selectFrom('timetable_slots').select((eb) => eb.fn.countAll<number>().as('n')).where('establishment_id', '=', establishmentId).where('source', '=', source).executeTakeFirst();
  if (apply) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('timetable_slots').where('establishment_id', '=', establishmentId).where('source', '=', source).execute();
      for (let i = 0; i < newRooms.length; i += BATCH) {
        await trx.insertInto('rooms').values(newRooms.slice(i, i + BATCH).map((r) => ({ id: r.id, establishment_id: establishmentId, code: r.code, name: r.code, created_at: now }))).execute();
      }
      for (let i = 0; i < slots.length; i += BATCH) await trx.insertInto('timetable_slots').values(slots.slice(i, i + BATCH)).execute();
    });
  }
  return { source, applied: apply, slots: slots.length, replaced: Number(existing?.n ?? 0), rooms: newRooms.length, rejected };
}
