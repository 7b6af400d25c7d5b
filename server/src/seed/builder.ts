import type { Insertable } from 'kysely';
import type { PersonnelFunction, Profile } from '../../../packages/contracts/src/profiles.js';
import type { Database } from '../kernel/db/schema.js';
import { LAST_NAMES } from './data/names.js';
import { SUBJECTS, type SubjectCode } from './data/subjects.js';
import { type Gender, makePerson, type PersonPreset, type PersonSpec, type SeedContext } from './people.js';
import type { Rng } from './prng.js';
import { emptyRows, type EstablishmentRow, type PersonRow, type SeedRows } from './rows.js';

export interface ClassInfo {
  id: string;
  name: string;
  level: string;
  birthYear: number;
  size: number;
  students: string[];
}

/** Gives a preset identity to the teacher of `subject` whose classes include `whenTeaching`. */
export interface TeacherPreset {
  subject: SubjectCode;
  whenTeaching: string;
  headTeacherOf?: string;
  person: PersonPreset;
}

export interface StaffSlot {
  /** Stable key ("head", "cpe1") so that demo presets can take a slot. */
  key: string;
  functions: PersonnelFunction[];
  profile?: 'personnel' | 'agent';
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Unit {
  subject: SubjectCode;
  groupId: string;
  classId: string | null;
}

/**
 * Accumulates the rows of one establishment in memory. Shapes (collège, école, lycée) drive it;
 * it knows the tables, not the school system.
 */
export class EstablishmentBuilder {
  readonly rows: SeedRows = emptyRows();
  readonly classes: ClassInfo[] = [];
  readonly teachersBySubject = new Map<SubjectCode, string[]>();
  private readonly subjectIds = new Map<SubjectCode, string>();
  private readonly units: Unit[] = [];
  private readonly classTeachers = new Map<string, string[]>();
  private readonly teacherRows = new Map<string, Insertable<Database['group_members']>>();
  private readonly forcedHeads = new Map<string, string>();

  constructor(
    readonly ctx: SeedContext,
    readonly rng: Rng,
    readonly establishment: EstablishmentRow,
    private readonly teacherPresets: readonly TeacherPreset[] = [],
    private readonly staffPresets: Readonly<Record<string, PersonPreset>> = {},
  ) {
    this.rows.establishments.push(establishment);
  }

  get id(): string {
    return this.establishment.id;
  }

  person(spec: Omit<PersonSpec, 'lastName'> & { lastName?: string }, profiles: Profile[]): PersonRow {
    const row = makePerson(this.ctx, this.rng, {
      ...spec,
      lastName: spec.lastName ?? this.rng.pick(LAST_NAMES),
      academy: spec.academy ?? this.establishment.academy,
    });
    this.rows.people.push(row);
    for (const p of profiles) this.profile(row.id, p);
    return row;
  }

  /** An adult born `age` years before the start of the school year, give or take a year. */
  adult(gender: Gender, age: number, contact: PersonSpec['contact'], profiles: Profile[], preset?: PersonPreset, lastName?: string) {
    const birthYear = this.ctx.schoolYear - age;
    return this.person({ gender, child: false, birthYear, contact, preset, lastName }, profiles);
  }

  profile(personId: string, profile: Profile): void {
    this.rows.memberships.push({ person_id: personId, establishment_id: this.id, profile });
  }

  fn(personId: string, fn: PersonnelFunction): void {
    this.rows.person_functions.push({ person_id: personId, establishment_id: this.id, function: fn });
  }

  subject(code: SubjectCode): string {
    let id = this.subjectIds.get(code);
    if (!id) {
      id = this.rng.id();
      this.subjectIds.set(code, id);
      this.rows.subjects.push({ id, establishment_id: this.id, code, name: SUBJECTS[code] });
    }
    return id;
  }

  group(kind: 'class' | 'teaching_group' | 'free_group', name: string, level: string | null, classIds: string[] = []) {
    const id = this.rng.id();
    this.rows.groups.push({ id, establishment_id: this.id, external_id: null, kind, name, level });
    for (const classId of classIds) this.rows.group_classes.push({ group_id: id, class_id: classId });
    return id;
  }

  addClass(name: string, level: string, birthYear: number, size: number): ClassInfo {
    const info = { id: this.group('class', name, level), name, level, birthYear, size, students: [] };
    this.classes.push(info);
    return info;
  }

  classByName(name: string): ClassInfo {
    const found = this.classes.find((c) => c.name === name);
    if (!found) throw new Error(`no class ${name} in ${this.establishment.name}`);
    return found;
  }

  member(groupId: string, personId: string, role: 'student' | 'teacher'): void {
    const row = { group_id: groupId, person_id: personId, role, head_teacher: 0 };
    if (role === 'teacher') {
      const key = `${groupId}|${personId}`;
      if (this.teacherRows.has(key)) return;
      this.teacherRows.set(key, row);
    }
    this.rows.group_members.push(row);
  }

  /** Records that `subject` is taught to a class or a teaching group; teachers come later. */
  teach(subject: SubjectCode, groupId: string, isClass: boolean): void {
    this.units.push({ subject, groupId, classId: isClass ? groupId : null });
  }

  /** Gives `personId` the teaching of `subject` in a group, as group member and in teachings. */
  assign(personId: string, subject: SubjectCode, groupId: string, classId: string | null): void {
    this.member(groupId, personId, 'teacher');
    this.rows.teachings.push({ group_id: groupId, person_id: personId, subject_id: this.subject(subject) });
    if (classId) {
      if (!this.classTeachers.get(classId)?.includes(personId)) pushTo(this.classTeachers, classId, personId);
    }
  }

  /**
   * Splits each subject's units, in the order they were declared, into runs of about `load[subject]`
   * and gives each run to one teacher, as a timetable service would.
   */
  staffTeachers(load: Partial<Record<SubjectCode, number>>): void {
    const bySubject = new Map<SubjectCode, Unit[]>();
    for (const u of this.units) pushTo(bySubject, u.subject, u);
    for (const [subject, units] of bySubject) {
      const count = Math.max(1, Math.ceil(units.length / (load[subject] ?? 5)));
      for (let k = 0; k < count; k++) {
        const run = units.slice(Math.floor((k * units.length) / count), Math.floor(((k + 1) * units.length) / count));
        const classNames = new Set(run.map((u) => this.classes.find((c) => c.id === u.classId)?.name));
        const preset = this.teacherPresets.find((p) => p.subject === subject && classNames.has(p.whenTeaching));
        const teacher = this.teacher(subject, preset?.person);
        for (const u of run) this.assign(teacher.id, subject, u.groupId, u.classId);
        if (preset?.headTeacherOf) this.forcedHeads.set(this.classByName(preset.headTeacherOf).id, teacher.id);
      }
    }
    this.units.length = 0;
  }

  teacher(subject: SubjectCode | null, preset?: PersonPreset): PersonRow {
    const row = this.adult(this.rng.chance(0.7) ? 'F' : 'M', this.rng.int(25, 62), 'academic', ['teacher'], preset);
    if (subject) pushTo(this.teachersBySubject, subject, row.id);
    return row;
  }

  /** One head teacher per class: the forced one, else the class's teacher with the fewest so far. */
  assignHeadTeachers(): void {
    const count = new Map<string, number>();
    for (const personId of this.forcedHeads.values()) count.set(personId, (count.get(personId) ?? 0) + 1);
    for (const cls of this.classes) {
      let head = this.forcedHeads.get(cls.id);
      if (!head) {
        const candidates = this.rng.shuffle([...(this.classTeachers.get(cls.id) ?? [])]);
        candidates.sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0));
        head = candidates[0];
        if (!head) continue;
        count.set(head, (count.get(head) ?? 0) + 1);
      }
      const row = this.teacherRows.get(`${cls.id}|${head}`);
      if (row) row.head_teacher = 1;
    }
  }

  staff(slots: readonly StaffSlot[]): Map<string, PersonRow> {
    const byKey = new Map<string, PersonRow>();
    for (const slot of slots) {
      const profile = slot.profile ?? 'personnel';
      const person = this.adult(this.rng.chance(0.6) ? 'F' : 'M', this.rng.int(26, 62), 'academic', [profile], this.staffPresets[slot.key]);
      for (const f of slot.functions) this.fn(person.id, f);
      byKey.set(slot.key, person);
    }
    return byKey;
  }

  /**
   * Option groups over a block of classes (LV2 over 4A+4B, spécialités over 1re 1+2): each student
   * takes `picks` options drawn by weight; a group exists only if someone chose it.
   */
  optionGroups(block: ClassInfo[], options: readonly [SubjectCode, number][], picks: number, name: (s: SubjectCode) => string) {
    const chosen = new Map<SubjectCode, string[]>();
    for (const cls of block) {
      for (const student of cls.students) {
        const left = [...options];
        for (let i = 0; i < picks && left.length > 0; i++) {
          const code = this.rng.weighted(left);
          left.splice(left.findIndex(([c]) => c === code), 1);
          pushTo(chosen, code, student);
        }
      }
    }
    for (const [code] of options) this.optionalGroup(block, code, name(code), chosen.get(code) ?? []);
  }

  optionalGroup(block: ClassInfo[], subject: SubjectCode, name: string, students: string[]): void {
    if (students.length === 0) return;
    const groupId = this.group('teaching_group', name, block[0]?.level ?? null, block.map((c) => c.id));
    for (const s of students) this.member(groupId, s, 'student');
    this.teach(subject, groupId, false);
  }

  freeGroup(name: string, leaderId: string | undefined, students: string[]): void {
    const groupId = this.group('free_group', name, null);
    if (leaderId) this.member(groupId, leaderId, 'teacher');
    for (const s of students) this.member(groupId, s, 'student');
  }

  allStudents(): string[] {
    return this.classes.flatMap((c) => c.students);
  }
}
