// The get-or-create cache read and the halving search the analyses and the books share
// (src/collections.ts): the same answers as the hand-written code they replaced.
import { describe, expect, it } from 'vitest';
import { cachedIn, partitionPoint } from '../../src/collections.js';

describe('cachedIn', () => {
  it('makes a value once per key, from the key, in a Map or a WeakMap', () => {
    const made: string[] = [];
    const make = (key: string) => {
      made.push(key);
      return { key };
    };
    const map = new Map<string, { key: string }>();
    const a = cachedIn(map, 'a', make);
    expect(cachedIn(map, 'a', make)).toBe(a);
    expect(cachedIn(map, 'b', make)).toEqual({ key: 'b' });
    expect(made).toEqual(['a', 'b']);
    expect([...map.keys()]).toEqual(['a', 'b']);

    const owner = {};
    const weak = new WeakMap<object, number[]>();
    const list = cachedIn(weak, owner, () => [1]);
    expect(cachedIn(weak, owner, () => [2])).toBe(list);
    expect(weak.get(owner)).toBe(list);
  });

  it('keeps falsy values other than undefined, and makes undefined again', () => {
    let calls = 0;
    const zero = new Map<string, number>();
    expect(cachedIn(zero, 'z', () => (calls += 1) && 0)).toBe(0);
    expect(cachedIn(zero, 'z', () => (calls += 1) && 0)).toBe(0);
    expect(calls).toBe(1);
    const nothing = new Map<string, undefined>();
    cachedIn(nothing, 'u', () => void (calls += 1));
    cachedIn(nothing, 'u', () => void (calls += 1));
    expect(calls).toBe(3);
  });
});

/** The linear scan partitionPoint stands for: the first index whose item `before` rejects. */
const scan = <T>(items: readonly T[], before: (item: T) => boolean) => {
  const index = items.findIndex((item) => !before(item));
  return index === -1 ? items.length : index;
};

describe('partitionPoint', () => {
  it('gives lower and upper bounds of sorted lists, with repeats, as a linear scan does', () => {
    // A seeded generator: the same lists every run.
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 300; round += 1) {
      const sorted = Array.from({ length: random(12) }, () => random(8)).sort((a, b) => a - b);
      for (let value = -1; value <= 9; value += 1) {
        expect(partitionPoint(sorted, (item) => item < value)).toBe(
          scan(sorted, (item) => item < value),
        );
        expect(partitionPoint(sorted, (item) => item <= value)).toBe(
          scan(sorted, (item) => item <= value),
        );
      }
    }
  });

  it('reads at most about log2(length) items, and none of an empty list', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => `2026-${String(i).padStart(4, '0')}`);
    let reads = 0;
    expect(
      partitionPoint(sorted, (item) => {
        reads += 1;
        return item < '2026-0500';
      }),
    ).toBe(500);
    expect(reads).toBeLessThanOrEqual(11);
    expect(partitionPoint([], () => true)).toBe(0);
    expect(partitionPoint(['a'], () => true)).toBe(1);
  });
});
