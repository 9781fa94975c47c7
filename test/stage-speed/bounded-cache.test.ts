// The render path's memo (src/render/bounded-cache.ts): it keeps what fits its budget and
// empties itself, rather than growing, when an entry would take it past the budget.
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/render/bounded-cache.js';

describe('BoundedCache', () => {
  it('a budget of entries: the third of two empties it, and keeps the third', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect([cache.get('a'), cache.get('b')]).toEqual([1, 2]);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, undefined, 3]);
  });

  it('a budget of characters: entries count by their size, not their number', () => {
    const cache = new BoundedCache<string, string>(10, (key, text) => key.length + text.length);
    cache.set('k1', 'abc'); // 5
    cache.set('k2', 'abc'); // 10: still within
    expect(cache.get('k1')).toBe('abc');
    cache.set('k3', 'x'); // 13: over, so emptied first
    expect([cache.get('k1'), cache.get('k2'), cache.get('k3')]).toEqual([
      undefined,
      undefined,
      'x',
    ]);
  });
});
