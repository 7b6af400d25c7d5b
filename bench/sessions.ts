/** Virtual users: real sessions obtained through POST /api/auth/login, as the web client does. */

export interface VirtualUser {
  login: string;
  /** `preau_session=…`, sent as the Cookie header by one or more connections. */
  cookie: string;
  csrfToken: string;
}

async function loginOnce(baseUrl: string, login: string, password: string): Promise<VirtualUser> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) {
    throw new Error(`login ${login} → HTTP ${res.status} ${await res.text()} (is PREAU_DEMO_PASSWORD the one the database was seeded with?)`);
  }
  const session = res.headers.getSetCookie().find((c) => c.startsWith('preau_session='));
  if (!session) throw new Error(`login ${login}: no preau_session cookie in the response`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { login, cookie: session.split(';')[0], csrfToken };
}

/**
 * `count` sessions, round-robin over `logins` (the same demo account may hold several sessions, like
 * one pupil on a phone and a laptop). Logins run a few at a time: each costs an argon2 hash, and
 * only failed logins count towards the throttle.
 */
export async function loginMany(baseUrl: string, logins: string[], count: number, password: string): Promise<VirtualUser[]> {
  const users: VirtualUser[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      users[i] = await loginOnce(baseUrl, logins[i % logins.length], password);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, count) }, worker));
  return users;
}

/** Deletes the sessions again so repeated runs do not pile rows into the benchmark database. */
export async function logoutAll(baseUrl: string, users: VirtualUser[]): Promise<void> {
  await Promise.all(
    users.map((u) =>
      fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: u.cookie, 'x-csrf-token': u.csrfToken } }).catch(() => undefined),
    ),
  );
}

export async function getJson<T>(baseUrl: string, path: string, user: VirtualUser): Promise<T> {
  const res = await fetch(baseUrl + path, { headers: { cookie: user.cookie, accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${path} as ${user.login} → HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
