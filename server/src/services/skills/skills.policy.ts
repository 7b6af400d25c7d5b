import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Skills are read by the same people as grades: students (their own), relatives (their
 * children's), teachers (their classes and subjects) and the head and deputies (everything in the
 * establishment). Teachers assess the skills of the subjects they teach in a class or group and
 * add the establishment's own skills for those subjects; the head and deputies add skills shared
 * by every subject. Which resource each may touch is checked in the use cases.
 */
const management = (functions: readonly string[]) => functions.some((f) => f === 'head' || f === 'deputy');

export const skillsGrants: ServiceGrants = {
  establishment: {
    'skills.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher') || management(m.functions),
    'skills.write': (m) => m.profiles.includes('teacher') || management(m.functions),
    'skills.manage': (m) => management(m.functions),
  },
};
