// One memo for the render path's repeated work (the same cell texts, names and tables come back
// in report after report), kept from growing without bound over a long run.

/**
 * A Map that empties itself before an entry would take it past `budget`. Each entry costs
 * `cost(key, value)` (1 unless given: then `budget` is a number of entries; with a cost in
 * characters, a number of characters). Emptying all at once, rather than evicting the oldest,
 * keeps every lookup a single Map read: what is dropped is recomputed on its next use.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private spent = 0;

  constructor(
    private readonly budget: number,
    private readonly cost: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    const cost = this.cost(key, value);
    if (this.spent + cost > this.budget) {
      this.entries.clear();
      this.spent = 0;
    }
    this.entries.set(key, value);
    this.spent += cost;
  }
}
