import type { Db } from '../../../kernel/db/database.js';
import { LEVEL_GRADES, MANIFEST_FILES, MANIFEST_VERSION, ONEROSTER_EXTENSIONS, ONEROSTER_FILES, ONEROSTER_VERSION, roleOf, schoolYearOf } from '../../imports/index.js';
import { type ExportScope, type ExportedPerson, enrollmentsBatch, listEstablishments, listGroups, listSubjects, peopleBatch } from '../exports.queries.js';
import { csvLine, list } from './csv.js';
import type { ZipEntry } from './zip.js';

export interface OneRosterExportOptions {
  scope: ExportScope;
  /** demographics.csv (birth dates) is written only when asked for explicitly. */
  demographics: boolean;
  now: Date;
}

/** Bulk snapshots leave status and dateLastModified empty, as the binding asks. */
const BULK = ['', ''];
/** Classes of an establishment hang on this course (OneRoster requires a course for every class). */
const homeroomCourse = (establishmentId: string) => `${establishmentId}-classes`;
/** A list item may not hold the list's separator. */
const item = (value: string) => value.replace(/,/g, ' ').trim();

async function* people(db: Db, scope: ExportScope): AsyncGenerator<ExportedPerson> {
  let after: string | null = null;
  for (;;) {
    const batch = await peopleBatch(db, scope, after);
    if (!batch.length) return;
    yield* batch;
    after = batch[batch.length - 1].id;
  }
}

function middleName(p: ExportedPerson): string {
  const all = p.first_names?.trim() ?? '';
  return all.startsWith(`${p.first_name} `) ? all.slice(p.first_name.length + 1).trim() : '';
}

/**
 * The files of a OneRoster 1.2 bulk bundle for the scope, each produced lazily from the database in
 * batches. Never exported: passwords, activation codes, and birth dates unless `demographics`.
 */
export function oneRosterEntries(db: Db, options: OneRosterExportOptions): ZipEntry[] {
  const { scope } = options;
  const year = schoolYearOf(options.now);
  const session = `schoolyear-${year}-${year + 1}`;
  const files = ['academicSessions', 'classes', 'courses', 'enrollments', 'orgs', 'roles', 'users', ...(options.demographics ? ['demographics'] : [])];
  const entry = (name: keyof typeof ONEROSTER_FILES, extra: string[], rows: () => AsyncGenerator<string>): ZipEntry => ({
    name: `${name}.csv`,
    chunks: (async function* () {
      yield csvLine([...ONEROSTER_FILES[name], ...extra]);
      yield* rows();
    })(),
  });

  const entries: ZipEntry[] = [
    entry('manifest', [], async function* () {
      yield csvLine(['manifest.version', MANIFEST_VERSION]);
      yield csvLine(['oneroster.version', ONEROSTER_VERSION]);
      for (const f of MANIFEST_FILES) yield csvLine([`file.${f}`, files.includes(f) ? 'bulk' : 'absent']);
      yield csvLine(['source.systemName', 'Préau']);
      yield csvLine(['source.systemCode', 'preau']);
    }),
    entry('orgs', [], async function* () {
      for (const e of await listEstablishments(db, scope)) yield csvLine([e.id, ...BULK, e.name, 'school', e.uai, '']);
    }),
    entry('academicSessions', [], async function* () {
      yield csvLine([session, ...BULK, `${year}-${year + 1}`, 'schoolYear', `${year}-09-01`, `${year + 1}-08-31`, '', year + 1]);
    }),
    entry('courses', [], async function* () {
      for (const e of await listEstablishments(db, scope)) {
        yield csvLine([homeroomCourse(e.id), ...BULK, session, 'Vie de classe', '', '', e.id, '', '']);
        for (const s of await listSubjects(db, e.id)) yield csvLine([s.id, ...BULK, session, s.name, s.code, '', e.id, item(s.name), item(s.code)]);
      }
    }),
    entry('classes', [], async function* () {
      for (const e of await listEstablishments(db, scope)) {
        for (const g of await listGroups(db, e.id)) {
          const course = g.kind === 'teaching_group' && g.subjects.length === 1 ? g.subjects[0].subject_id : homeroomCourse(e.id);
          const grade = g.level ? (LEVEL_GRADES[g.level] ?? '') : '';
          yield csvLine([
            g.id,
            ...BULK,
            g.name,
            grade,
            course,
            g.name,
            g.kind === 'class' ? 'homeroom' : 'scheduled',
            '',
            e.id,
            session,
            list(g.subjects.map((s) => item(s.name))),
            list(g.subjects.map((s) => item(s.code))),
            '',
          ]);
        }
      }
    }),
    entry('users', [], async function* () {
      for await (const p of people(db, scope)) {
        const agents = [...new Set([...p.children, ...p.relatives].map((r) => r.other_id))];
        const grades = [...new Set(p.levels.map((l) => LEVEL_GRADES[l]).filter(Boolean))];
        const phone = p.phone ?? '';
        yield csvLine([
          p.id,
          ...BULK,
          p.state === 'suspended' ? 'false' : 'true',
          p.login,
          '',
          p.first_name,
          p.last_name,
          middleName(p),
          p.national_id ?? '',
          p.email ?? '',
          '',
          phone,
          list(agents),
          list(grades),
          '', // password: never exported
          '',
          '',
          '',
          '',
          '',
          p.memberships[0]?.establishment_id ?? '',
          '',
        ]);
      }
    }),
    entry('roles', [ONEROSTER_EXTENSIONS.functions], async function* () {
      for await (const p of people(db, scope)) {
        const legalGuardian = p.children.some((c) => c.legal_guardian === 1);
        let primary = true;
        for (const m of p.memberships) {
          const functions = p.functions.filter((f) => f.establishment_id === m.establishment_id).map((f) => f.function);
          const role = roleOf(m.profile as Parameters<typeof roleOf>[0], functions, legalGuardian);
          if (!role) continue;
          yield csvLine([`${m.establishment_id}:${p.id}:${m.profile}`, ...BULK, p.id, primary ? 'primary' : 'secondary', role, '', '', m.establishment_id, '', m.profile === 'personnel' ? list(functions) : '']);
          primary = false;
        }
      }
    }),
    entry('enrollments', [ONEROSTER_EXTENSIONS.subjectCodes], async function* () {
      let after: [string, string, string] | null = null;
      for (;;) {
        const batch = await enrollmentsBatch(db, scope, after);
        if (!batch.length) return;
        for (const r of batch) {
          const primary = r.role === 'teacher' && r.head_teacher === 1;
          yield csvLine([`${r.group_id}:${r.person_id}:${r.role}`, ...BULK, r.group_id, r.establishment_id, r.person_id, r.role, primary ? 'true' : 'false', '', '', list(r.subjectCodes.map(item))]);
        }
        const last = batch[batch.length - 1];
        after = [last.group_id, last.person_id, last.role];
      }
    }),
  ];
  if (options.demographics) {
    entries.push(
      entry('demographics', [], async function* () {
        for await (const p of people(db, scope)) if (p.birth_date) yield csvLine([p.id, ...BULK, p.birth_date, ...Array(12).fill('')]);
      }),
    );
  }
  return entries;
}
