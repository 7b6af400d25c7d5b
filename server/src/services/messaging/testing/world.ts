import type { World } from '../../../kernel/testing/world.js';
import { school } from '../../../kernel/testing/school.js';

/** The shared school plus Béa, Bob's mother: "the parents of 5B" are then more than one family. */
export const messagingWorld: World = {
  ...school,
  people: [
    ...school.people,
    { id: 'bea', login: 'bea.durand', firstName: 'Béatrice', lastName: 'Durand', in: [{ establishment: 'etab-a', profiles: ['relative'] }] },
  ],
  relatives: [...school.relatives, { relative: 'bea', student: 'bob' }],
};
