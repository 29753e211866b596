// The engine's bounded caches: what is used again stays, what is not falls out, and the size stays bounded.
import { describe, expect, it } from 'vitest';
import { GenerationalCache } from '../../../electron/core/pdf/cache';

describe('GenerationalCache', () => {
  it('keeps an entry that is used in every generation while one-off entries pass through, within two generations', () => {
    const cache = new GenerationalCache<string, number>(3);
    cache.set('common', 0);
    for (let i = 1; i <= 100; i++) {
      expect(cache.get('common')).toBe(0);
      cache.set(`once-${i}`, i);
      expect(cache.size).toBeLessThanOrEqual(6);
    }
    expect(cache.get('once-100')).toBe(100);
    expect(cache.get('once-1')).toBeUndefined();
  });

  it('drops an entry two generations after its last use', () => {
    const cache = new GenerationalCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2); // young: a, b
    cache.set('c', 3); // old: a, b; young: c
    expect(cache.get('a')).toBe(1); // moved back: young c, a
    cache.set('d', 4); // old: c, a; young: d (b dropped)
    expect(cache.get('b')).toBeUndefined();
    cache.set('e', 5); // young: d, e
    cache.set('f', 6); // old: d, e; young: f (c and a dropped)
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('d'), cache.get('e'), cache.get('f')]).toEqual([4, 5, 6]);
  });
});
