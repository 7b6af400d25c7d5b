import { hashPassword } from '../services/auth/passwords.js';
import type { EstablishmentBuilder } from './builder.js';
import { commune } from './data/places.js';
import type { PersonPreset, SeedContext } from './people.js';
import { Rng } from './prng.js';
import { buildCollege, buildEcole, buildLycee } from './shapes.js';

export interface DemoAccount {
  login: string;
  name: string;
  description: string;
}

type DemoKey = 'head' | 'teacher' | 'student' | 'parent' | 'staff' | 'admin' | 'inspector' | 'superadmin';

const DEMO: Record<DemoKey, PersonPreset & { login: string; description: string }> = {
  head: { login: 'demo.head', firstName: 'Isabelle', lastName: 'Moreau', gender: 'F', description: 'Principale du collège (personnel, head)' },
  teacher: {
    login: 'demo.teacher', firstName: 'Thomas', lastName: 'Lefèvre', gender: 'M', firstNames: 'Thomas Pierre',
    description: 'Professeur de mathématiques, professeur principal de 5B',
  },
  student: {
    login: 'demo.student', firstName: 'Camille', lastName: 'Rousseau', gender: 'F', firstNames: 'Camille Marie Zoé',
    description: 'Élève de 5B',
  },
  parent: {
    login: 'demo.parent', firstName: 'Nathalie', lastName: 'Rousseau', gender: 'F',
    description: 'Mère de Camille (5B) et de Lucas (3A), responsable légale',
  },
  staff: { login: 'demo.staff', firstName: 'Karim', lastName: 'Benali', gender: 'M', description: "Conseiller principal d'éducation (cpe)" },
  admin: {
    login: 'demo.admin', firstName: 'Sophie', lastName: 'Garnier', gender: 'F',
    description: 'Secrétaire, administratrice locale (secretary, admin_local)',
  },
  inspector: {
    login: 'demo.inspector', firstName: 'Jean-Marc', lastName: "D'Almeida", gender: 'M',
    description: 'Inspecteur (collège et lycée)',
  },
  superadmin: {
    login: 'demo.superadmin', firstName: 'Claire', lastName: 'Fontaine', gender: 'F', platformAdmin: true,
    description: 'Administratrice de la plateforme',
  },
};

/** Reserved before anything else is allocated, so no generated person can take them. */
export const DEMO_LOGINS = Object.values(DEMO).map((p) => p.login);

export const DEMO_ACCOUNTS: DemoAccount[] = Object.values(DEMO).map((p) => ({
  login: p.login,
  name: `${p.firstName} ${p.lastName}`,
  description: p.description,
}));

/** Demo family members who are not demo accounts: they get generated logins and codes. */
const SIBLING: PersonPreset = { firstName: 'Lucas', lastName: 'Rousseau', gender: 'M', firstNames: 'Lucas Jean' };
const FATHER: PersonPreset = { firstName: 'Olivier', lastName: 'Rousseau', gender: 'M' };

export type DemoPeople = Record<DemoKey, PersonPreset>;

/** The demo identities with their password hashes (one argon2 hash each, with its own salt). */
export async function demoPeople(password: string): Promise<DemoPeople> {
  const entries = await Promise.all(
    Object.entries(DEMO).map(async ([key, { description: _, ...preset }]) => [key, { ...preset, passwordHash: await hashPassword(password) }] as const),
  );
  return Object.fromEntries(entries) as DemoPeople;
}

export const DEMO_ESTABLISHMENTS = 3;

/**
 * The three demo establishments (index 0 collège, 1 école, 2 lycée), all in Villeurbanne. The
 * collège carries every demo account but the superadmin's membership-free one; the inspector also
 * inspects the lycée.
 */
export function buildDemoEstablishment(ctx: SeedContext, index: number, demo: DemoPeople, shared: { inspectorId?: string }): EstablishmentBuilder {
  const rng = new Rng(ctx.seed, index);
  const villeurbanne = commune('Villeurbanne', '69100');
  if (index === 0) {
    const b = buildCollege(ctx, rng, {
      commune: villeurbanne,
      namesake: 'Simone Veil',
      classesPerLevel: 6,
      staff: { head: demo.head, cpe1: demo.staff, secretary1: demo.admin },
      teachers: [{ subject: 'MATHS', whenTeaching: '5B', headTeacherOf: '5B', person: demo.teacher }],
      families: [
        {
          guardians: [
            { person: demo.parent, relationship: 'mother' },
            { person: FATHER, relationship: 'father' },
          ],
          children: [
            { className: '5B', person: demo.student },
            { className: '3A', person: SIBLING },
          ],
        },
      ],
    });
    shared.inspectorId = b.adult('M', 54, 'academic', ['inspector'], demo.inspector).id;
    b.adult('F', 47, 'academic', [], demo.superadmin);
    return b;
  }
  if (index === 1) {
    return buildEcole(ctx, rng, { commune: villeurbanne, namesake: 'Jacques Prévert', maternelle: true, extraClasses: 2 });
  }
  if (index === 2) {
    const b = buildLycee(ctx, rng, { commune: villeurbanne, namesake: 'Marie Curie', classesPerLevel: 10 });
    if (shared.inspectorId) b.profile(shared.inspectorId, 'inspector');
    return b;
  }
  throw new RangeError(`no demo establishment ${index}`);
}
