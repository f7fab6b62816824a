import { afterEach, describe, expect, it } from "vitest";
import { clearMemoryBuckets, takeFromMemory } from "~/runtime/api/rate-limit-memory.server";

afterEach(() => clearMemoryBuckets());

describe("the in-memory chat rate limit (SQLite: one process)", () => {
  it("lets `limit` requests through at once, then refills one per minute / limit, per key", () => {
    const now = 1_000_000;
    expect(takeFromMemory("a", 2, now)).toEqual({ allowed: true });
    expect(takeFromMemory("a", 2, now)).toEqual({ allowed: true });
    expect(takeFromMemory("a", 2, now)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(takeFromMemory("b", 2, now)).toEqual({ allowed: true });
    expect(takeFromMemory("a", 2, now + 30_000)).toEqual({ allowed: true });
    expect(takeFromMemory("a", 2, now + 30_000).allowed).toBe(false);
  });
});
