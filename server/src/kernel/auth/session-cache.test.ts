import { describe, expect, it } from 'vitest';
import { type CachedSession, SessionCache } from './session-cache.js';

function entry(id: string, personId: string, loadedAt = 0): CachedSession {
  return { id, personId, login: personId, csrfToken: 'x', platformAdmin: false, lastSeenAt: 0, expiresAt: 1e15, memberships: [], loadedAt };
}

describe('SessionCache', () => {
  it('serves an entry for its lifetime only', () => {
    const cache = new SessionCache(5_000);
    cache.set('h1', entry('s1', 'p1', 1_000));
    expect(cache.get('h1', 5_999)?.id).toBe('s1');
    expect(cache.get('h1', 6_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not trust an entry from the future (clock moved back)', () => {
    const cache = new SessionCache(5_000);
    cache.set('h1', entry('s1', 'p1', 10_000));
    expect(cache.get('h1', 9_000)).toBeUndefined();
  });

  it('forgets one session, or every session of a person', () => {
    const cache = new SessionCache(5_000);
    cache.set('h1', entry('s1', 'p1'));
    cache.set('h2', entry('s2', 'p1'));
    cache.set('h3', entry('s3', 'p2'));
    cache.forgetSession('s1');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)?.id).toBe('s2');
    cache.forgetPerson('p1');
    expect(cache.get('h2', 1)).toBeUndefined();
    expect(cache.get('h3', 1)?.id).toBe('s3');
  });

  it('stays within its bound, dropping the oldest entry', () => {
    const cache = new SessionCache(5_000, 2);
    cache.set('h1', entry('s1', 'p1'));
    cache.set('h2', entry('s2', 'p2'));
    cache.set('h3', entry('s3', 'p3'));
    expect(cache.size).toBe(2);
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h3', 1)?.id).toBe('s3');
  });

  it('caches nothing when its lifetime is zero', () => {
    const cache = new SessionCache(0);
    cache.set('h1', entry('s1', 'p1'));
    expect(cache.size).toBe(0);
  });
});
