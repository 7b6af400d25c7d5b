import type { ReportCard, ReportCardList } from '@preau/contracts';
import { type Actor, holdsProfile } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { attendanceFigures } from '../attendance/index.js';
import { displayName } from '../directory/index.js';
import { type CouncilRow, isPublished } from './report-cards.councils.js';
import { snapshotOf, toDecision } from './report-cards.entries.js';
import { readsEveryBulletin } from './report-cards.policy.js';

/** Who reads a student's bulletins: staff (every state) or the student and legal guardians (published only). */
type Reader = 'staff' | 'family';

/**
 * The student themselves, their legal guardians (a relative without parental authority does not
 * receive the bulletin), the head, deputies and vie scolaire. A student of another establishment
 * does not exist here (404); anyone else is refused (403).
 */
export async function bulletinReader(db: Db, actor: Actor, establishmentId: string, studentId: string): Promise<Reader> {
  const student = await db.selectFrom('memberships').select('person_id').where('person_id', '=', studentId).where('establishment_id', '=', establishmentId).where('profile', '=', 'student').executeTakeFirst();
  if (!student) throw notFound('grades.student_not_found');
  if (readsEveryBulletin(actor, establishmentId)) return 'staff';
  if (studentId === actor.personId && holdsProfile(actor, establishmentId, 'student')) return 'family';
  if (holdsProfile(actor, establishmentId, 'relative')) {
    const guardian = await db.selectFrom('relatives').select('student_id').where('relative_id', '=', actor.personId).where('student_id', '=', studentId).where('legal_guardian', '=', 1).executeTakeFirst();
    if (guardian) return 'family';
  }
  throw forbidden('report_cards.not_visible');
}

/**
 * The councils a student has a bulletin in: every closed council that had them (a row per student
 * is written at closing) and, for staff, the open councils of their current classes (a preview).
 */
function studentCouncils(db: Db, establishmentId: string, studentId: string, reader: Reader) {
  return db
    .selectFrom('report_card_councils as c')
    .innerJoin('groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select('g.name as group_name')
    .where('c.establishment_id', '=', establishmentId)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.state', '=', 'closed'), eb.exists(eb.selectFrom('report_card_students as s').select('s.student_id').whereRef('s.council_id', '=', 'c.id').where('s.student_id', '=', studentId))]),
        ...(reader === 'staff'
          ? [eb.and([eb('c.state', '=', 'open'), eb('c.group_id', 'in', db.selectFrom('group_members').select('group_id').where('person_id', '=', studentId).where('role', '=', 'student'))])]
          : []),
      ]),
    );
}

export async function listReportCards(ctx: AppContext, actor: Actor, establishmentId: string, studentId: string): Promise<ReportCardList> {
  const reader = await bulletinReader(ctx.db, actor, establishmentId, studentId);
  const now = ctx.clock.now();
  const [person, rows] = await Promise.all([
    ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', studentId).executeTakeFirstOrThrow(),
    studentCouncils(ctx.db, establishmentId, studentId, reader).orderBy('c.period_starts_on', 'desc').orderBy('g.name').execute(),
  ]);
  return {
    student: { id: person.id, name: displayName(person.first_name, person.last_name) },
    reportCards: rows
      .filter((r) => reader === 'staff' || isPublished(r, now))
      .map((r) => ({ councilId: r.id, period: { name: r.period_name, startsOn: r.period_starts_on }, group: { id: r.group_id, name: r.group_name }, publishAt: r.publish_at, published: isPublished(r, now) })),
  };
}

/** One student's bulletin: the council's figures for them, the appreciations and the decisions. */
export async function readReportCard(ctx: AppContext, actor: Actor, establishmentId: string, studentId: string, councilId: string): Promise<ReportCard> {
  const reader = await bulletinReader(ctx.db, actor, establishmentId, studentId);
  const now = ctx.clock.now();
  const row = (await studentCouncils(ctx.db, establishmentId, studentId, reader).where('c.id', '=', councilId).executeTakeFirst()) as (CouncilRow & { group_name: string }) | undefined;
  // Before publication, students and relatives learn nothing, not even that it exists.
  if (!row || (reader === 'family' && !isPublished(row, now))) throw notFound('report_cards.not_found');
  const group = { id: row.group_id, name: row.group_name };
  const period = { startsOn: row.period_starts_on, endsOn: row.period_ends_on };
  const [snapshot, appreciations, fields, heads, establishment, person, attendance] = await Promise.all([
    snapshotOf(ctx.db, establishmentId, row, group, period, now),
    ctx.db.selectFrom('report_card_appreciations').select(['subject_id', 'text']).where('council_id', '=', row.id).where('student_id', '=', studentId).execute(),
    ctx.db.selectFrom('report_card_students').selectAll().where('council_id', '=', row.id).where('student_id', '=', studentId).executeTakeFirst(),
    ctx.db
      .selectFrom('group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.first_name', 'p.last_name'])
      .where('m.group_id', '=', row.group_id)
      .where('m.role', '=', 'teacher')
      .where('m.head_teacher', '=', 1)
      .orderBy('p.last_name')
      .execute(),
    ctx.db.selectFrom('establishments').select('name').where('id', '=', establishmentId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', studentId).executeTakeFirstOrThrow(),
    // Read when the bulletin is, not frozen with the council: a justification accepted later shows.
    attendanceFigures(ctx.db, establishmentId, [studentId], row.period_starts_on, row.period_ends_on),
  ]);
  const counted = attendance.get(studentId);
  const mine = snapshot.students.find((s) => s.id === studentId);
  return {
    councilId: row.id,
    establishment: establishment.name,
    student: { id: person.id, name: mine?.name ?? displayName(person.first_name, person.last_name) },
    group,
    period: { name: row.period_name, startsOn: row.period_starts_on, endsOn: row.period_ends_on },
    state: row.state === 'closed' ? 'closed' : 'open',
    publishAt: row.publish_at,
    subjects: (mine?.subjects ?? []).map((s) => {
      const subject = snapshot.subjects.find((x) => x.id === s.id);
      return {
        subject: { id: s.id, name: subject?.name ?? s.id },
        teachers: s.teachers,
        coefficient: subject?.coefficient ?? 1,
        average: s.average,
        classFigures: subject?.figures ?? { average: null, min: null, max: null },
        appreciation: appreciations.find((a) => a.subject_id === s.id)?.text ?? null,
      };
    }),
    general: { average: mine?.general ?? null, classFigures: snapshot.general },
    attendance: counted ? { absenceHalfDays: counted.absentHalfDays, unjustifiedHalfDays: counted.unjustifiedHalfDays, lates: counted.lateCount } : null,
    generalAppreciation: fields?.general_appreciation ?? null,
    headTeachers: heads.map((h) => displayName(h.first_name, h.last_name)),
    decision: toDecision(fields),
  };
}
