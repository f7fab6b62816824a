/** The turn's embedding deadline (app/engines/embedding-deadline.server.ts): what waits, what does not, what is noted. */
import { describe, expect, it } from "vitest";
import { runWithEmbeddingDeadline, withinEmbeddingDeadline, withWordsOnlyNotes, WORDS_ONLY_ENGINE } from "~/engines/embedding-deadline.server";
import { createFakeEngines } from "../../support/fake-engines";

/** A promise the test settles itself: an embedding that has not come back yet. */
function pending<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe("withinEmbeddingDeadline", () => {
  it("outside a turn, waits for the work", async () => {
    const work = pending<string>();
    const waiting = withinEmbeddingDeadline(work.promise);
    work.resolve("vector");
    await expect(waiting).resolves.toBe("vector");
  });

  it("inside a turn, gives up at the deadline while the work goes on, and every later wait in the turn gives up at once", async () => {
    const work = pending<string>();
    const later = pending<string>();
    const started = performance.now();
    const [first, second] = await runWithEmbeddingDeadline(async () => {
      const a = await withinEmbeddingDeadline(work.promise);
      const b = await runWithEmbeddingDeadline(() => withinEmbeddingDeadline(later.promise), 10_000);
      return [a, b];
    }, 50);
    expect([first, second]).toEqual([null, null]);
    expect(performance.now() - started).toBeLessThan(1_000);
    work.resolve("late vector");
    await expect(work.promise).resolves.toBe("late vector");
  });

  it("inside a turn, returns what comes in time", async () => {
    await expect(runWithEmbeddingDeadline(() => withinEmbeddingDeadline(Promise.resolve("vector")), 1_000)).resolves.toBe("vector");
  });
});

describe("withWordsOnlyNotes", () => {
  it("notes a knowledge lookup that met the deadline, also one that found nothing, and leaves others alone", async () => {
    const fake = createFakeEngines();
    const stalled = pending<never>();
    fake.knowledge.answer = (async () => {
      await withinEmbeddingDeadline(stalled.promise);
      return null;
    }) as typeof fake.knowledge.answer;
    const engines = withWordsOnlyNotes(fake);
    expect(withWordsOnlyNotes(fake)).toBe(engines);
    const late = await runWithEmbeddingDeadline(() => engines.knowledge.answer({ query: "q", minScore: 0.5, suggest: true }), 20);
    expect(late).toEqual({ suggestions: [], fallback: { engine: WORDS_ONLY_ENGINE, error: expect.stringContaining("ranked on words alone") } });
    fake.knowledge.answer = (async () => null) as typeof fake.knowledge.answer;
    await expect(runWithEmbeddingDeadline(() => engines.knowledge.answer({ query: "q", minScore: 0.5, suggest: true }), 1_000)).resolves.toBeNull();
  });
});
