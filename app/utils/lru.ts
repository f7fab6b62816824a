/**
 * A small least-recently-used map. Map iteration order is insertion order, so re-inserting on
 * read keeps the oldest entry first and eviction is O(1). Used for compiled machines and token
 * hashes: both are immutable per key, so entries never need invalidation, only a size bound.
 * Entries may also carry a weight (a compiled flow weighs its steps): the oldest are evicted
 * while the total is over `maxWeight`, though the newest entry always stays.
 */
export type LruOptions<V> = {
  /** Called with an entry pushed out by a bound (for values that hold memory outside the heap). */
  onEvict?: (value: V) => void;
  weigh?: (value: V) => number;
  maxWeight?: number;
};

export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly options: LruOptions<V> = {},
  ) {
    if (capacity < 1) throw new Error("LruCache capacity must be at least 1");
  }

  get size(): number {
    return this.entries.size;
  }

  /** The total weight of the entries (their count when no `weigh` is given). */
  get totalWeight(): number {
    return this.weight;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.remove(key);
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    const maxWeight = this.options.maxWeight ?? Number.POSITIVE_INFINITY;
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.weight > maxWeight)) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const evicted = this.remove(oldest.value);
      if (evicted !== undefined) this.options.onEvict?.(evicted);
    }
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }

  private weigh(value: V): number {
    return this.options.weigh?.(value) ?? 1;
  }

  private remove(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.weight -= this.weigh(value);
    return value;
  }
}
