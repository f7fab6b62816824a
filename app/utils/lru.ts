/**
 * A small least-recently-used map. Map iteration order is insertion order, so re-inserting on
 * read keeps the oldest entry first and eviction is O(1). Used for compiled machines and token
 * hashes: both are immutable per key, so entries never need invalidation, only a size bound.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    /** Called with an entry pushed out by the size bound (for values that hold memory outside the heap). */
    private readonly onEvict?: (value: V) => void,
  ) {
    if (capacity < 1) throw new Error("LruCache capacity must be at least 1");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        const evicted = this.entries.get(oldest.value) as V;
        this.entries.delete(oldest.value);
        this.onEvict?.(evicted);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
