/**
 * Two imports running at once (two establishments, or the console and the CLI) may both read
 * "lea.martin" as free and both insert it: the unique index on `people.login` lets the first
 * commit and refuses the second, whose whole transaction is rolled back. The second then runs
 * again from the start — it re-reads the logins, now with the first one's, and takes the next.
 */

const ATTEMPTS = 5;

/** The unique index on `people.login` refused an insert (PostgreSQL or SQLite). */
export function isLoginCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string } | null;
  if (!e) return false;
  if (e.code === '23505') return e.constraint === 'people_login_key';
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && /\bpeople\.login\b/.test(e.message ?? '');
}

/** Runs `attempt` (a whole transaction) again when another import took one of its logins first. */
export async function withLoginRetry<T>(attempt: (retry: number) => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(retry);
    } catch (error) {
      if (!isLoginCollision(error) || retry + 1 >= ATTEMPTS) throw error;
    }
  }
}
