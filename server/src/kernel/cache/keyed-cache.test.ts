import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { KeyedCache } from './keyed-cache.js';

describe('values cached per person', () => {
  const counting = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('reads once within the lifetime, again after it', async () => {
    const clock = fixedClock('2026-11-25T08:00:00Z');
    const cache = new KeyedCache<number>(5_000, clock);
    const source = counting();
    expect(await cache.get('alice', source.load)).toBe(1);
    clock.advance(4_999);
    expect(await cache.get('alice', source.load)).toBe(1);
    clock.advance(1);
    expect(await cache.get('alice', source.load)).toBe(2);
  });

  it('shares one load between concurrent misses, and keeps people apart', async () => {
    const cache = new KeyedCache<number>(5_000, fixedClock('2026-11-25T08:00:00Z'));
    const source = counting();
    const [a, b] = await Promise.all([cache.get('alice', source.load), cache.get('alice', source.load)]);
    expect([a, b, source.loads()]).toEqual([1, 1, 1]);
    expect(await cache.get('bob', source.load)).toBe(2);
  });

  it('forgets a person at once, and does not keep a load that a forget overtook', async () => {
    const cache = new KeyedCache<number>(5_000, fixedClock('2026-11-25T08:00:00Z'));
    const source = counting();
    await cache.get('alice', source.load);
    cache.forget(['alice']);
    expect(await cache.get('alice', source.load)).toBe(2);
    let release: (n: number) => void = () => {};
    const slow = cache.get('alice-slow', () => new Promise<number>((resolve) => (release = resolve)));
    cache.forget(['alice-slow']);
    release(10);
    expect(await slow).toBe(10);
    expect(await cache.get('alice-slow', source.load)).toBe(3);
  });

  it('does not remember a failed load, nor anything when the lifetime is zero', async () => {
    const cache = new KeyedCache<number>(5_000, fixedClock('2026-11-25T08:00:00Z'));
    await expect(cache.get('alice', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(cache.size).toBe(0);
    const off = new KeyedCache<number>(0, fixedClock('2026-11-25T08:00:00Z'));
    const source = counting();
    await off.get('alice', source.load);
    await off.get('alice', source.load);
    expect(source.loads()).toBe(2);
  });

  it('stays bounded: past the limit the oldest entry goes', async () => {
    const cache = new KeyedCache<number>(5_000, fixedClock('2026-11-25T08:00:00Z'), 2);
    const source = counting();
    for (const id of ['a', 'b', 'c']) await cache.get(id, source.load);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', source.load)).toBe(4);
  });
});
