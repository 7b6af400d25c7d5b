import type { World } from './world.js';

/**
 * Two collèges. In A: classes 5B (Alice, Bob) and 4A (Chloé); Théo teaches maths in 5B (head
 * teacher), Tina teaches French in 4A; Rémi is Alice's father and also the father of Sam in B;
 * Rose is Chloé's mother; Hélène is head, Carl CPE, Ada local admin, Inès inspector, Gaston guest.
 * In B: Sam (student), Tom (teacher), Hugo (local admin). Sarah is platform administrator.
 */
export const school: World = {
  establishments: [
    { id: 'etab-a', uai: '0750001U', name: 'Collège Jean Moulin', type: 'college' },
    { id: 'etab-b', uai: '0690002C', name: 'Collège Lumière', type: 'college' },
  ],
  people: [
    { id: 'alice', login: 'alice.martin', firstName: 'Alice', lastName: 'Martin', email: 'alice@example.org', in: [{ establishment: 'etab-a', profiles: ['student'] }] },
    { id: 'bob', login: 'bob.durand', firstName: 'Bob', lastName: 'Durand', in: [{ establishment: 'etab-a', profiles: ['student'] }] },
    { id: 'chloe', login: 'chloe.lefevre', firstName: 'Chloé', lastName: 'Lefèvre', in: [{ establishment: 'etab-a', profiles: ['student'] }] },
    { id: 'theo', login: 'theo.petit', firstName: 'Théo', lastName: 'Petit', email: 'theo@example.org', in: [{ establishment: 'etab-a', profiles: ['teacher'] }] },
    { id: 'tina', login: 'tina.roux', firstName: 'Tina', lastName: 'Roux', in: [{ establishment: 'etab-a', profiles: ['teacher'] }] },
    { id: 'remi', login: 'remi.martin', firstName: 'Rémi', lastName: 'Martin', email: 'remi@example.org', phone: '0600000001', in: [{ establishment: 'etab-a', profiles: ['relative'] }, { establishment: 'etab-b', profiles: ['relative'] }] },
    { id: 'rose', login: 'rose.lefevre', firstName: 'Rose', lastName: 'Lefèvre', email: 'rose@example.org', phone: '0600000002', in: [{ establishment: 'etab-a', profiles: ['relative'] }] },
    { id: 'helene', login: 'helene.garnier', firstName: 'Hélène', lastName: 'Garnier', in: [{ establishment: 'etab-a', profiles: ['personnel'], functions: ['head'] }] },
    { id: 'carl', login: 'carl.blanc', firstName: 'Carl', lastName: 'Blanc', in: [{ establishment: 'etab-a', profiles: ['personnel'], functions: ['cpe'] }] },
    { id: 'ada', login: 'ada.morel', firstName: 'Ada', lastName: 'Morel', in: [{ establishment: 'etab-a', profiles: ['personnel'], functions: ['secretary', 'admin_local'] }] },
    { id: 'ines', login: 'ines.faure', firstName: 'Inès', lastName: 'Faure', in: [{ establishment: 'etab-a', profiles: ['inspector'] }] },
    { id: 'gaston', login: 'gaston.henry', firstName: 'Gaston', lastName: 'Henry', in: [{ establishment: 'etab-a', profiles: ['guest'] }] },
    { id: 'newbie', login: 'nina.nouvelle', firstName: 'Nina', lastName: 'Nouvelle', password: false, activationCode: 'ABCD2345', in: [{ establishment: 'etab-a', profiles: ['student'] }] },
    { id: 'sam', login: 'sam.martin', firstName: 'Sam', lastName: 'Martin', in: [{ establishment: 'etab-b', profiles: ['student'] }] },
    { id: 'tom', login: 'tom.girard', firstName: 'Tom', lastName: 'Girard', in: [{ establishment: 'etab-b', profiles: ['teacher'] }] },
    { id: 'hugo', login: 'hugo.bonnet', firstName: 'Hugo', lastName: 'Bonnet', in: [{ establishment: 'etab-b', profiles: ['personnel'], functions: ['admin_local'] }] },
    { id: 'sarah', login: 'sarah.admin', firstName: 'Sarah', lastName: 'Admin', platformAdmin: true },
  ],
  groups: [
    { id: 'a-5b', establishment: 'etab-a', kind: 'class', name: '5B', level: '5e' },
    { id: 'a-4a', establishment: 'etab-a', kind: 'class', name: '4A', level: '4e' },
    { id: 'b-6a', establishment: 'etab-b', kind: 'class', name: '6A', level: '6e' },
  ],
  members: [
    { group: 'a-5b', person: 'alice', role: 'student' },
    { group: 'a-5b', person: 'bob', role: 'student' },
    { group: 'a-5b', person: 'newbie', role: 'student' },
    { group: 'a-4a', person: 'chloe', role: 'student' },
    { group: 'a-5b', person: 'theo', role: 'teacher', headTeacher: true },
    { group: 'a-4a', person: 'tina', role: 'teacher' },
    { group: 'b-6a', person: 'sam', role: 'student' },
    { group: 'b-6a', person: 'tom', role: 'teacher' },
  ],
  subjects: [
    { id: 'a-maths', establishment: 'etab-a', code: 'MATHS', name: 'Mathématiques' },
    { id: 'a-fr', establishment: 'etab-a', code: 'FRANC', name: 'Français' },
  ],
  teachings: [
    { group: 'a-5b', person: 'theo', subject: 'a-maths' },
    { group: 'a-4a', person: 'tina', subject: 'a-fr' },
  ],
  relatives: [
    { relative: 'remi', student: 'alice' },
    { relative: 'remi', student: 'sam' },
    { relative: 'rose', student: 'chloe' },
  ],
};
