import type { ClassInfo, EstablishmentBuilder } from './builder.js';
import { LAST_NAMES } from './data/names.js';
import type { Gender, PersonPreset } from './people.js';

export type Relationship = 'mother' | 'father' | 'guardian' | 'grandparent';

/** A family placed on purpose (the demo parent and their two children). */
export interface FamilyPreset {
  guardians: { person: PersonPreset; relationship: Relationship }[];
  children: { className: string; person: PersonPreset }[];
}

interface Guardian {
  id: string;
  relationship: Relationship;
  legal: number;
  financial: number;
}

interface Family {
  childLastName: string;
  guardians: Guardian[];
  levels: Set<string>;
  children: number;
}

/** Share of students who join a family already in the establishment (a brother or sister elsewhere). */
const SIBLING_SHARE = 0.15;
const MAX_CHILDREN = 3;

/**
 * Fills every class up to its size with students, each with their family: 85% two legal guardians,
 * otherwise one; some children are siblings sharing their parents; a few families add a grandparent
 * as a contact who is not a legal guardian.
 */
export function fillClasses(b: EstablishmentBuilder, presets: readonly FamilyPreset[] = []): void {
  for (const preset of presets) {
    const first = b.classByName(preset.children[0]?.className ?? '');
    const family = emptyFamily(preset.guardians[0]?.person.lastName ?? '');
    for (const g of preset.guardians) {
      const p = b.adult(g.person.gender, childAge(b, first) + 38, 'family', ['relative'], g.person);
      family.guardians.push({ id: p.id, relationship: g.relationship, legal: 1, financial: family.guardians.length ? 0 : 1 });
    }
    for (const child of preset.children) addStudent(b, b.classByName(child.className), family, child.person);
  }
  // Preset families stay out of the pool: the demo parent has exactly the children chosen for them.
  const pool: Family[] = [];
  for (const cls of b.classes) {
    while (cls.students.length < cls.size) {
      let family: Family | undefined;
      if (pool.length > 0 && b.rng.chance(SIBLING_SHARE)) {
        const candidate = b.rng.pick(pool);
        if (candidate.children < MAX_CHILDREN && !candidate.levels.has(cls.level)) family = candidate;
      }
      if (!family) {
        family = newFamily(b, cls);
        pool.push(family);
      }
      addStudent(b, cls, family);
    }
  }
}

function emptyFamily(childLastName: string): Family {
  return { childLastName, guardians: [], levels: new Set(), children: 0 };
}

function childAge(b: EstablishmentBuilder, cls: ClassInfo): number {
  return b.ctx.schoolYear - cls.birthYear;
}

function newFamily(b: EstablishmentBuilder, cls: ClassInfo): Family {
  const { rng } = b;
  const age = childAge(b, cls);
  const fatherName = rng.pick(LAST_NAMES);
  const family = emptyFamily(fatherName);
  const add = (gender: Gender, relationship: Relationship, lastName: string, parentAge: number, legal = 1) => {
    const p = b.adult(gender, parentAge, 'family', ['relative'], undefined, lastName);
    family.guardians.push({ id: p.id, relationship, legal, financial: 0 });
  };
  const shape = rng.weighted([['two', 85], ['mother', 11], ['father', 3], ['guardian', 1]] as const);
  if (shape === 'two') {
    // Many mothers keep their own name in school records; some children carry both names.
    const motherName = rng.chance(0.6) ? fatherName : rng.pick(LAST_NAMES);
    add('M', 'father', fatherName, age + rng.int(25, 45));
    add('F', 'mother', motherName, age + rng.int(23, 42));
    if (motherName !== fatherName && !/[ '-]/.test(fatherName + motherName) && rng.chance(0.15)) {
      family.childLastName = `${fatherName}-${motherName}`;
    }
    if (rng.chance(0.5)) family.guardians.reverse();
  } else if (shape === 'mother') {
    add('F', 'mother', fatherName, age + rng.int(22, 42));
  } else if (shape === 'father') {
    add('M', 'father', fatherName, age + rng.int(25, 45));
  } else {
    add(rng.chance(0.5) ? 'F' : 'M', 'guardian', rng.pick(LAST_NAMES), age + rng.int(30, 55));
  }
  (family.guardians[0] as Guardian).financial = 1;
  if (rng.chance(0.03)) add(rng.chance(0.6) ? 'F' : 'M', 'grandparent', fatherName, age + rng.int(50, 68), 0);
  return family;
}

function addStudent(b: EstablishmentBuilder, cls: ClassInfo, family: Family, preset?: PersonPreset): void {
  const { rng } = b;
  // A few students are a year older than their class (they repeated a year).
  const birthYear = cls.birthYear - (rng.chance(0.03) ? 1 : 0);
  const gender: Gender = preset?.gender ?? (rng.chance(0.5) ? 'F' : 'M');
  const student = b.person(
    { gender, child: true, birthYear, contact: 'none', lastName: family.childLastName, preset },
    ['student'],
  );
  b.member(cls.id, student.id, 'student');
  cls.students.push(student.id);
  for (const g of family.guardians) {
    b.rows.relatives.push({
      relative_id: g.id,
      student_id: student.id,
      legal_guardian: g.legal,
      financial: g.financial,
      contact: 1,
      relationship: g.relationship,
    });
  }
  family.levels.add(cls.level);
  family.children++;
}
