import type { World } from '../../../kernel/testing/world.js';
import { school } from '../../../kernel/testing/school.js';

/**
 * The shared school plus Béa, Bob's mother ("the parents of 5B" are then more than one family),
 * an agent and an internship tutor, so that every profile's rules are exercised.
 */
export const messagingWorld: World = {
  ...school,
  people: [
    ...school.people,
    { id: 'bea', login: 'bea.durand', firstName: 'Béatrice', lastName: 'Durand', in: [{ establishment: 'etab-a', profiles: ['relative'] }] },
    { id: 'ali', login: 'ali.agent', firstName: 'Ali', lastName: 'Nasri', in: [{ establishment: 'etab-a', profiles: ['agent'] }] },
    { id: 'tara', login: 'tara.tutrice', firstName: 'Tara', lastName: 'Vidal', in: [{ establishment: 'etab-a', profiles: ['tutor'] }] },
  ],
  relatives: [...school.relatives, { relative: 'bea', student: 'bob' }],
};
