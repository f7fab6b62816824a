import { describe, expect, it } from "vitest";
import { LruCache } from "~/utils/lru";

describe("LruCache", () => {
  it("evicts the least recently used entry past its capacity, telling onEvict", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, string>(2, { onEvict: (value) => evicted.push(value) });
    cache.set("a", "A");
    cache.set("b", "B");
    expect(cache.get("a")).toBe("A");
    cache.set("c", "C");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["A", undefined, "C"]);
    expect(evicted).toEqual(["B"]);
  });

  it("also keeps the total weight under its bound, never evicting the newest entry", () => {
    const cache = new LruCache<string, number>(64, { weigh: (steps) => steps, maxWeight: 1000 });
    cache.set("small", 10);
    cache.set("large", 900);
    expect(cache.totalWeight).toBe(910);
    cache.set("another", 200);
    expect([cache.get("small"), cache.get("large"), cache.get("another")]).toEqual([undefined, undefined, 200]);
    cache.set("giant", 5000);
    expect([cache.size, cache.totalWeight, cache.get("giant")]).toEqual([1, 5000, 5000]);
    // Replacing a key does not count it twice.
    cache.set("giant", 5000);
    expect(cache.totalWeight).toBe(5000);
  });
});
