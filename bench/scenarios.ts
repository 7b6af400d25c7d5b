import type { Step } from './load.js';
import { type VirtualUser, getJson, loginMany } from './sessions.js';

export interface Scenario {
  id: 'me' | 'home' | 'inbox' | 'send' | 'week' | 'textbook' | 'grades' | 'class-averages' | 'register';
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
  id: string;
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
  {
    // A parent opening the messaging page: the folder counts and the first page of the inbox. The
    // inbox is filled first with 40 messages from the teacher to the parents of the class.
    id: 'inbox',
    title: 'parent inbox (messaging/mailbox + messages?folder=inbox)',
    logins: ['demo.parent'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const { establishmentId, classId } = await messagingTarget(baseUrl, first);
      const [teacher] = await loginMany(baseUrl, ['demo.teacher'], 1, process.env.PREAU_DEMO_PASSWORD ?? BENCH_DEFAULT_PASSWORD);
      for (let i = 0; i < 40; i++) {
        await postJson(baseUrl, `/api/messaging/establishments/${establishmentId}/messages`, teacher, {
          subject: `Information ${i + 1}`,
          body: '<p>Message du professeur principal aux parents de la classe.</p>',
          to: [{ type: 'group_relatives', id: classId }],
        });
      }
      const base = `/api/messaging/establishments/${establishmentId}`;
      return [
        { label: 'mailbox', path: `${base}/mailbox` },
        { label: 'inbox', path: `${base}/messages?folder=inbox&limit=30` },
      ];
    },
  },
  {
    // The teacher sends a message to the whole of their class (students and teachers expanded at
    // send time, checked against the rules, written with one INSERT … SELECT, event in the outbox).
    id: 'send',
    title: 'teacher sends to a class (POST messages, group address)',
    logins: ['demo.teacher'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const { establishmentId, classId } = await messagingTarget(baseUrl, first);
      const body = JSON.stringify({ subject: 'Cours déplacé', body: '<p>Le cours de demain a lieu en salle 12.</p>', to: [{ type: 'group', id: classId }] });
      return [{ label: 'send', path: `/api/messaging/establishments/${establishmentId}/messages`, method: 'POST', body }];
    },
  },
  {
    // A pupil opening the week: the timetable (slots, week A/B, holidays, the day's changes) and the
    // agenda of the next four weeks, as the two pages do.
    id: 'week',
    title: 'student week (timetable view + agenda)',
    logins: ['demo.student'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const id = encodeURIComponent(me.memberships[0]?.establishment.id ?? '');
      const today = new Date().toISOString().slice(0, 10);
      return [
        { label: 'timetable', path: `/api/timetable/establishments/${id}/view?view=student&id=${me.id}&date=${today}` },
        { label: 'agenda', path: `/api/homework/establishments/${id}/agenda?studentId=${me.id}` },
      ];
    },
  },
  {
    // The head reading a class's cahier de textes over a month (every subject, homework, visas).
    id: 'textbook',
    title: 'class cahier de textes, one month (GET homework/textbook)',
    logins: ['demo.head'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const id = encodeURIComponent(me.memberships[0]?.establishment.id ?? '');
      const groups = await getJson<{ items: { id: string; name: string }[] }>(baseUrl, `/api/homework/establishments/${id}/groups`, first);
      const group = groups.items.find((g) => g.name === '5B');
      if (!group) throw new Error('class 5B not found in the head’s cahier de textes');
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      return [{ label: 'textbook', path: `/api/homework/establishments/${id}/textbook?groupId=${group.id}&from=${from}&to=${to}` }];
    },
  },
  {
    // A pupil opening the grades page: their report for the current trimester (≈ 60 grades over 12
    // subjects, averages and the class figures), as the page asks for it.
    id: 'grades',
    title: 'student grades, current period (GET grades/report)',
    logins: ['demo.student'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const id = encodeURIComponent(me.memberships[0]?.establishment.id ?? '');
      const periodId = await currentPeriod(baseUrl, first, id);
      return [{ label: 'report', path: `/api/grades/establishments/${id}/report?studentId=${me.id}&periodId=${periodId}` }];
    },
  },
  {
    // The head preparing the conseil de classe: 5B's students × subjects averages, general averages
    // and class figures for the current trimester.
    id: 'class-averages',
    title: 'class averages, 5B, current period (GET grades/class-averages)',
    logins: ['demo.head'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const id = encodeURIComponent(me.memberships[0]?.establishment.id ?? '');
      const classes = await getJson<{ classes: { id: string; name: string }[] }>(baseUrl, `/api/grades/establishments/${id}/classes`, first);
      const group = classes.classes.find((c) => c.name === '5B');
      if (!group) throw new Error('class 5B not found among the head’s classes');
      const periodId = await currentPeriod(baseUrl, first, id);
      return [{ label: 'class-averages', path: `/api/grades/establishments/${id}/class-averages?groupId=${group.id}&periodId=${periodId}` }];
    },
  },
  {
    // The teacher submits the register of their biggest class of the day (≈ 30 students: two absent,
    // one 10 minutes late), again and again: each submission reads the lesson from the timetable,
    // checks the students and reasons, rewrites the marks and reconciles attendance_events (the same
    // rows each time). The demo seed gives demo.teacher a lesson today on any school day.
    id: 'register',
    title: 'teacher submits a class register, ≈ 30 students (POST attendance/registers/:id/submit)',
    logins: ['demo.teacher'],
    targeted: false,
    steps: async (baseUrl, first) => {
      const me = await getJson<MeLite>(baseUrl, '/api/me', first);
      const id = encodeURIComponent(me.memberships[0]?.establishment.id ?? '');
      const { lessons } = await getJson<{ lessons: { slotId: string; date: string; cancelled: boolean }[] }>(baseUrl, `/api/attendance/establishments/${id}/lessons`, first);
      let biggest: { id: string; students: { id: string }[] } | null = null;
      for (const lesson of lessons.filter((l) => !l.cancelled)) {
        const register = await postJson<{ id: string; students: { id: string }[] }>(baseUrl, `/api/attendance/establishments/${id}/registers`, first, { slotId: lesson.slotId, date: lesson.date });
        if (!biggest || register.students.length > biggest.students.length) biggest = register;
      }
      if (!biggest) throw new Error('demo.teacher has no lesson today (holidays?): the register scenario needs a school day');
      const marks = biggest.students.map((s, i) => ({ studentId: s.id, status: i < 2 ? 'absent' : i === 2 ? 'late' : 'present', minutes: i === 2 ? 10 : null }));
      return [{ label: 'submit', path: `/api/attendance/establishments/${id}/registers/${biggest.id}/submit`, method: 'POST', body: JSON.stringify({ marks }) }];
    },
  },
];

/** The grading period containing today (the grades pages open on it). */
async function currentPeriod(baseUrl: string, user: VirtualUser, establishmentId: string): Promise<string> {
  const { periods } = await getJson<{ periods: { id: string; startsOn: string; endsOn: string }[] }>(baseUrl, `/api/grades/establishments/${establishmentId}/periods`, user);
  const today = new Date().toISOString().slice(0, 10);
  const period = periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? periods.at(-1);
  if (!period) throw new Error('no grading period in the demo data');
  return encodeURIComponent(period.id);
}

/** Default of the server (server/src/config.ts), repeated so the harness does not import server code here. */
const BENCH_DEFAULT_PASSWORD = 'Preau-Demo-2026!';

/** demo.teacher's class (5B), found through the messaging picker as the teacher or the parent. */
async function messagingTarget(baseUrl: string, user: VirtualUser): Promise<{ establishmentId: string; classId: string }> {
  const me = await getJson<MeLite>(baseUrl, '/api/me', user);
  const establishmentId = me.memberships[0]?.establishment.id;
  if (!establishmentId) throw new Error(`${user.login} has no membership`);
  const teacher = (await loginMany(baseUrl, ['demo.teacher'], 1, process.env.PREAU_DEMO_PASSWORD ?? BENCH_DEFAULT_PASSWORD))[0];
  const found = await getJson<{ groups: { type: string; id: string; name: string }[] }>(baseUrl, `/api/messaging/establishments/${encodeURIComponent(establishmentId)}/recipients?q=5B`, teacher);
  const group = found.groups.find((g) => g.type === 'group' && g.name === '5B');
  if (!group) throw new Error('class 5B not found in demo.teacher’s recipients');
  return { establishmentId: encodeURIComponent(establishmentId), classId: group.id };
}

async function postJson<T = unknown>(baseUrl: string, path: string, user: VirtualUser, body: unknown): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} as ${user.login} → HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
