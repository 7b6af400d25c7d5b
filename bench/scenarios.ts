import type { Step } from './load.js';
import { type VirtualUser, getJson } from './sessions.js';

export interface Scenario {
  id: 'me' | 'home';
  title: string;
  /** Demo accounts the connections log in as, round-robin. */
  logins: string[];
  /** Builds the request loop once the first virtual user is logged in (ids are per database). */
  steps(baseUrl: string, first: VirtualUser): Promise<Step[]>;
  /** Scenarios the issue sets targets for. */
  targeted: boolean;
}

/** Every demo account that belongs to an establishment (demo.superadmin has no membership). */
const MEMBERS = ['demo.student', 'demo.parent', 'demo.teacher', 'demo.head', 'demo.staff', 'demo.admin', 'demo.inspector'];

interface MeLite {
  memberships: { establishment: { id: string } }[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'me',
    title: 'GET /api/me',
    logins: MEMBERS,
    targeted: true,
    steps: async () => [{ label: 'me', path: '/api/me' }],
  },
  {
    // One autocannon `requests` sequence per connection: the three calls the web home page and its
    // directory tile make, in that order, for a pupil. req/s counts each HTTP request; "loads/s" is
    // req/s ÷ 3. A sequence (rather than three separate runs) keeps the realistic mix on the server.
    id: 'home',
    title: 'student home (me + portal/home + directory ×20)',
    logins: ['demo.student'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const establishmentId = me.memberships[0]?.establishment.id;
      if (!establishmentId) throw new Error(`${first.login} has no membership: cannot load a home page`);
      const id = encodeURIComponent(establishmentId);
      return [
        { label: 'me', path: '/api/me' },
        { label: 'portal/home', path: `/api/portal/home?establishmentId=${id}` },
        { label: 'directory', path: `/api/directory/establishments/${id}/people?limit=20` },
      ];
    },
  },
];
