import { uaiCheckLetter } from '../services/directory/uai.js';
import { type ClassInfo, EstablishmentBuilder, type StaffSlot, type TeacherPreset } from './builder.js';
import { COMMUNES, type Commune, COLLEGE_NAMESAKES, ECOLE_NAMESAKES, LYCEE_NAMESAKES, STREET_NAMES, STREET_TYPES } from './data/places.js';
import {
  COLLEGE_CLASS_SUBJECTS,
  ECOLE_SUBJECTS,
  LYCEE_CYCLE_SUBJECTS,
  LYCEE_SECONDE_SUBJECTS,
  SPECIALITES,
  SUBJECTS,
  type SubjectCode,
} from './data/subjects.js';
import { type FamilyPreset, fillClasses } from './families.js';
import type { PersonPreset, SeedContext } from './people.js';
import type { Rng } from './prng.js';
import type { EstablishmentRow } from './rows.js';

export type SeedEstablishmentType = 'college' | 'ecole' | 'lycee';

export interface ShapeOptions {
  commune?: Commune;
  namesake?: string;
  classesPerLevel?: number;
  /** École only: whether it has maternelle classes (PS, MS, GS). */
  maternelle?: boolean;
  /** École only: elementary classes beyond one per level. */
  extraClasses?: number;
  families?: FamilyPreset[];
  teachers?: TeacherPreset[];
  staff?: Record<string, PersonPreset>;
}

/** Age reached during the school year's first calendar year, per level. */
const LEVEL_AGE: Record<string, number> = {
  PS: 3, MS: 4, GS: 5, CP: 6, CE1: 7, CE2: 8, CM1: 9, CM2: 10,
  '6e': 11, '5e': 12, '4e': 13, '3e': 14, '2nde': 15, '1re': 16, Tle: 17,
};

function birthYear(ctx: SeedContext, level: string): number {
  return ctx.schoolYear - (LEVEL_AGE[level] ?? 0);
}

function uniqueUai(ctx: SeedContext, rng: Rng, department: string): string {
  for (;;) {
    const digits = department + rng.digits(4);
    const uai = digits + uaiCheckLetter(digits);
    if (!ctx.uais.has(uai)) {
      ctx.uais.add(uai);
      return uai;
    }
  }
}

function establishmentRow(ctx: SeedContext, rng: Rng, type: SeedEstablishmentType, opts: ShapeOptions, label: string) {
  const place = opts.commune ?? rng.pick(COMMUNES);
  const namesake = opts.namesake ?? rng.pick(type === 'ecole' ? ECOLE_NAMESAKES : type === 'college' ? COLLEGE_NAMESAKES : LYCEE_NAMESAKES);
  const row: EstablishmentRow = {
    id: rng.id(),
    uai: uniqueUai(ctx, rng, place.department),
    name: `${label} ${namesake}`,
    type,
    academy: place.academy,
    address: `${rng.int(1, 120)} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
    postal_code: place.postalCode,
    city: place.city,
    created_at: ctx.nowIso,
  };
  return row;
}

/** Pairs of neighbouring classes: LV2 and spécialité groups mix two classes, as timetables do. */
function pairs(classes: ClassInfo[]): ClassInfo[][] {
  const out: ClassInfo[][] = [];
  for (let i = 0; i < classes.length; i += 2) out.push(classes.slice(i, i + 2));
  return out;
}

function some(b: EstablishmentBuilder, share: number, from = b.allStudents()): string[] {
  return from.filter(() => b.rng.chance(share));
}

const numbered = (prefix: string, count: number, functions: StaffSlot['functions'], profile?: StaffSlot['profile']) =>
  Array.from({ length: count }, (_, i) => ({ key: `${prefix}${i + 1}`, functions, profile }));

const COLLEGE_STAFF: StaffSlot[] = [
  { key: 'head', functions: ['head'] },
  { key: 'deputy1', functions: ['deputy'] },
  ...numbered('cpe', 2, ['cpe']),
  { key: 'secretary1', functions: ['secretary', 'admin_local'] },
  { key: 'secretary2', functions: ['secretary'] },
  { key: 'bursar', functions: [] },
  { key: 'documentalist1', functions: ['documentalist'] },
  { key: 'nurse', functions: ['nurse'] },
  { key: 'social', functions: [] },
  ...numbered('aed', 5, []),
  ...numbered('agent', 3, [], 'agent'),
];

const LYCEE_STAFF: StaffSlot[] = [
  { key: 'head', functions: ['head'] },
  ...numbered('deputy', 2, ['deputy']),
  ...numbered('cpe', 3, ['cpe']),
  { key: 'secretary1', functions: ['secretary', 'admin_local'] },
  ...numbered('secretary', 3, ['secretary']).slice(1),
  { key: 'bursar', functions: [] },
  ...numbered('documentalist', 2, ['documentalist']),
  { key: 'nurse', functions: ['nurse'] },
  { key: 'social', functions: [] },
  ...numbered('aed', 6, []),
  ...numbered('agent', 5, [], 'agent'),
];

/** Collège: 6e–3e, classes 6A…3F, LV2 groups over pairs of classes from 5e, Latin by level. */
export function buildCollege(ctx: SeedContext, rng: Rng, opts: ShapeOptions = {}): EstablishmentBuilder {
  const b = new EstablishmentBuilder(ctx, rng, establishmentRow(ctx, rng, 'college', opts, 'Collège'), opts.teachers, opts.staff);
  const perLevel = opts.classesPerLevel ?? rng.int(3, 6);
  const letters = 'ABCDEFGH'.slice(0, perLevel).split('');
  const levels = ['6e', '5e', '4e', '3e'];
  for (const level of levels) {
    for (const l of letters) b.addClass(`${level[0]}${l}`, level, birthYear(ctx, level), rng.int(23, 28));
  }
  // Declared letter by letter so that a teacher's run of classes spans levels (6B, 5B, 4B, 3B).
  for (const l of letters) {
    for (const level of levels) {
      const cls = b.classByName(`${level[0]}${l}`);
      for (const [subject] of COLLEGE_CLASS_SUBJECTS) b.teach(subject, cls.id, true);
    }
  }
  fillClasses(b, opts.families);
  for (const level of ['5e', '4e', '3e']) {
    const ofLevel = b.classes.filter((c) => c.level === level);
    for (const block of pairs(ofLevel)) {
      const label = block.map((c) => c.name).join('-');
      b.optionGroups(block, [['ESP2', 7], ['ALL2', 3]], 1, (code) => `LV2 ${SUBJECTS[code]} ${label}`);
    }
    b.optionalGroup(ofLevel, 'LCALA', `Latin ${level}`, some(b, 0.15, ofLevel.flatMap((c) => c.students)));
  }
  b.staffTeachers({ ...Object.fromEntries(COLLEGE_CLASS_SUBJECTS), ESP2: 5, ALL2: 5, LCALA: 4 });
  b.assignHeadTeachers();
  b.freeGroup('Chorale', b.teachersBySubject.get('EDMUS')?.[0], some(b, 0.05));
  b.freeGroup('Association sportive', b.teachersBySubject.get('EPS')?.[0], some(b, 0.15));
  b.staff(COLLEGE_STAFF);
  return b;
}

/** École: CP–CM2 (one or two classes per level), sometimes maternelle; one teacher per class. */
export function buildEcole(ctx: SeedContext, rng: Rng, opts: ShapeOptions = {}): EstablishmentBuilder {
  const maternelle = opts.maternelle ?? rng.chance(0.45);
  const label = maternelle ? 'École primaire' : 'École élémentaire';
  const b = new EstablishmentBuilder(ctx, rng, establishmentRow(ctx, rng, 'ecole', opts, label), opts.teachers, opts.staff);
  const counts = new Map<string, number>(['CP', 'CE1', 'CE2', 'CM1', 'CM2'].map((l) => [l, 1]));
  const extra = opts.extraClasses ?? rng.int(0, 4);
  for (let i = 0; i < extra; i++) {
    const level = rng.pick([...counts.keys()].filter((l) => (counts.get(l) ?? 0) < 2));
    counts.set(level, 2);
  }
  const levels = [...(maternelle ? ['PS', 'MS', 'GS'] : []), ...counts.keys()];
  for (const level of levels) {
    const n = counts.get(level) ?? 1;
    for (let i = 0; i < n; i++) {
      b.addClass(n === 1 ? level : `${level} ${'AB'[i]}`, level, birthYear(ctx, level), rng.int(21, 26));
    }
  }
  const director = rng.pick(b.classes);
  for (const cls of b.classes) {
    const teacher = b.teacher(null, cls === director ? opts.staff?.head : undefined);
    for (const subject of ECOLE_SUBJECTS) b.assign(teacher.id, subject, cls.id, cls.id);
    if (cls === director) {
      b.profile(teacher.id, 'personnel');
      b.fn(teacher.id, 'head');
    }
  }
  b.assignHeadTeachers();
  fillClasses(b, opts.families);
  const atsem = maternelle ? 3 : 0;
  b.staff(Array.from({ length: atsem + rng.int(0, 1) }, (_, i) => ({ key: `agent${i + 1}`, functions: [], profile: 'agent' })));
  return b;
}

const SPE_LABEL: Partial<Record<SubjectCode, string>> = { MATHS: 'Maths', 'PH-CH': 'Physique-chimie', LLCER: 'LLCER anglais' };

/** Lycée général: 2nde, 1re, Tle; LVB over pairs of classes; spécialités (3 in 1re, 2 in Tle). */
export function buildLycee(ctx: SeedContext, rng: Rng, opts: ShapeOptions = {}): EstablishmentBuilder {
  const b = new EstablishmentBuilder(ctx, rng, establishmentRow(ctx, rng, 'lycee', opts, 'Lycée'), opts.teachers, opts.staff);
  const perLevel = opts.classesPerLevel ?? rng.int(6, 12);
  const levels = ['2nde', '1re', 'Tle'];
  for (const level of levels) {
    for (let i = 1; i <= perLevel; i++) b.addClass(`${level} ${i}`, level, birthYear(ctx, level), rng.int(31, 36));
  }
  for (let i = 1; i <= perLevel; i++) {
    for (const level of levels) {
      const cls = b.classByName(`${level} ${i}`);
      const subjects: [SubjectCode, number][] =
        level === '2nde' ? LYCEE_SECONDE_SUBJECTS : [[level === '1re' ? 'FRANC' : 'PHILO', 4], ...LYCEE_CYCLE_SUBJECTS];
      for (const [subject] of subjects) b.teach(subject, cls.id, true);
    }
  }
  fillClasses(b, opts.families);
  for (const level of levels) {
    for (const block of pairs(b.classes.filter((c) => c.level === level))) {
      const label = `${level} ${block.map((c) => c.name.split(' ')[1]).join('-')}`;
      b.optionGroups(block, [['ESP2', 6], ['ALL2', 3]], 1, (code) => `LVB ${SUBJECTS[code]} ${label}`);
      if (level !== '2nde') {
        const name = (code: SubjectCode) => `Spé ${SPE_LABEL[code] ?? code} ${label}`;
        b.optionGroups(block, SPECIALITES, level === '1re' ? 3 : 2, name);
      }
    }
  }
  b.staffTeachers({
    ...Object.fromEntries([...LYCEE_SECONDE_SUBJECTS, ...LYCEE_CYCLE_SUBJECTS]),
    FRANC: 4, PHILO: 4, ESP2: 6, ALL2: 6,
  });
  b.assignHeadTeachers();
  b.freeGroup('Association sportive', b.teachersBySubject.get('EPS')?.[0], some(b, 0.12));
  b.freeGroup('Club théâtre', b.teachersBySubject.get('FRANC')?.[0], some(b, 0.03));
  b.staff(LYCEE_STAFF);
  return b;
}

export const SHAPES: Record<SeedEstablishmentType, typeof buildCollege> = {
  college: buildCollege,
  ecole: buildEcole,
  lycee: buildLycee,
};
