// Two small helpers for Maps and sorted arrays that the analyses and the books' readers wrote by
// hand in several places: a get-or-create cache read, and the halving search over a sorted list.

/** What cachedIn reads and writes: a Map, a WeakMap, or anything else with their get and set. */
export interface CacheMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value `map` holds for `key`, made by `make(key)` and stored on the first call for that
 * key: one `get` when the value is known, a `get`, the `make` and a `set` when not. A value of
 * `undefined` counts as not known (it is made again each call), so a cache whose values may be
 * undefined must keep using `has` itself. Pass a function that needs nothing but the key
 * (`cachedIn(cache, journal, compactEntries)`) where the read is hot: an arrow over the caller's
 * locals is one closure made per call, hit or miss.
 */
export function cachedIn<K, V>(map: CacheMap<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

/**
 * The number of leading items of `items` for which `before(item)` holds, found by halving (about
 * log2(length) calls of `before`): the index of the first item for which it does not, or
 * `items.length` when it holds for all. `items` must be partitioned by it: every item for which
 * it holds ahead of every item for which it does not, as a list sorted by the thing it compares
 * is. For a sorted list of strings, `partitionPoint(sorted, (s) => s < value)` is the first index
 * whose string is `value` or after it (a lower bound), and `(s) => s <= value` the first after it
 * (an upper bound).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
