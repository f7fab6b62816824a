import { afterEach, describe, expect, it } from "vitest";
import { createActor, fromPromise, SimulatedClock } from "xstate";
import { autosaveMachine, describeSaveState, DEBOUNCE_MS, RETRY_MS, type SaveOutput } from "~/builder/autosave-machine";
import type { ApiResult } from "~/builder/editor-api";

type Result = ApiResult<{ revision: number; unpublishedChanges: boolean }>;
const ok = (revision: number): Result => ({ ok: true, data: { revision, unpublishedChanges: true } });
const failure = (status: number, message = `the server answered ${status}.`, body: Record<string, unknown> | null = null): Result => ({ ok: false, status, message, body });

/**
 * The machine with a scripted server: each save takes the next answer from `answers` and resolves
 * when the test says so; `screen` is the document on screen (a number per edit), `stored` the
 * one the server confirmed last.
 */
function harness(answers: Result[]) {
  const clock = new SimulatedClock();
  const page = { screen: 0, stored: 0 };
  const posted: Array<{ revision: number; document: number }> = [];
  const waiting: Array<() => void> = [];
  const machine = autosaveMachine.provide({
    actors: {
      save: fromPromise<SaveOutput, { revision: number }>(async ({ input }) => {
        const document = page.screen;
        posted.push({ revision: input.revision, document });
        await new Promise<void>((resolve) => waiting.push(resolve));
        return { result: answers.shift() ?? failure(500), token: document };
      }),
    },
    actions: { savedDocument: ({ context }) => void (page.stored = context.storedToken as number) },
    guards: { hasUnsavedEdits: () => page.screen !== page.stored },
  });
  const actor = createActor(machine, { input: { revision: 7 }, clock }).start();
  const settle = async () => {
    waiting.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const edit = () => {
    page.screen += 1;
    actor.send({ type: "edit" });
  };
  const shown = () => describeSaveState(actor.getSnapshot());
  return { actor, clock, page, posted, settle, edit, shown };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe("the autosave machine", () => {
  it("saves once typing has paused, based on the revision it has, and takes the new one", async () => {
    const h = harness([ok(8), ok(9)]);
    stop = () => h.actor.stop();
    h.edit();
    h.clock.increment(DEBOUNCE_MS - 1);
    h.edit(); // typing again restarts the wait
    h.clock.increment(DEBOUNCE_MS - 1);
    expect(h.posted).toEqual([]);
    expect(h.shown()).toEqual({ kind: "saving" });
    h.clock.increment(1);
    expect(h.posted).toEqual([{ revision: 7, document: 2 }]);
    await h.settle();
    expect(h.shown()).toEqual({ kind: "saved" });
    expect(h.page.stored).toBe(2);
    h.edit();
    h.clock.increment(DEBOUNCE_MS);
    expect(h.posted[1]).toEqual({ revision: 8, document: 3 });
  });

  it("saves again after a save when the document changed while it was in flight", async () => {
    const h = harness([ok(8), ok(9)]);
    stop = () => h.actor.stop();
    h.edit();
    h.actor.send({ type: "flush" });
    h.edit(); // typed while the first save is on its way
    await h.settle();
    expect(h.page.stored).toBe(1);
    expect(h.shown()).toEqual({ kind: "saving" });
    h.clock.increment(DEBOUNCE_MS);
    expect(h.posted[1]).toEqual({ revision: 8, document: 2 });
    await h.settle();
    expect(h.shown()).toEqual({ kind: "saved" });
  });

  it("retries a failed save with growing backoff, at once when the browser is back online", async () => {
    const h = harness([failure(0, "the server can't be reached."), failure(503), ok(8)]);
    stop = () => h.actor.stop();
    h.edit();
    h.actor.send({ type: "flush" });
    await h.settle();
    expect(h.shown()).toEqual({ kind: "error", message: "the server can't be reached." });
    h.clock.increment(RETRY_MS[0] - 1);
    expect(h.posted).toHaveLength(1);
    h.clock.increment(1);
    expect(h.posted).toHaveLength(2);
    await h.settle();
    h.clock.increment(RETRY_MS[1] - 1);
    expect(h.posted).toHaveLength(2);
    h.actor.send({ type: "online" });
    expect(h.posted).toHaveLength(3);
    await h.settle();
    expect(h.shown()).toEqual({ kind: "saved" });
  });

  it("does not retry a refused document until it is edited", async () => {
    const h = harness([failure(400, "Step “Ask”: the question is empty."), ok(8)]);
    stop = () => h.actor.stop();
    h.edit();
    h.actor.send({ type: "flush" });
    await h.settle();
    h.clock.increment(RETRY_MS.at(-1)! * 2);
    expect(h.posted).toHaveLength(1);
    expect(h.shown()).toEqual({ kind: "error", message: "Step “Ask”: the question is empty." });
    h.edit();
    h.clock.increment(DEBOUNCE_MS);
    expect(h.posted).toHaveLength(2);
  });

  it("stops on a conflict until the person overwrites (on the server's revision) or adopts theirs", async () => {
    const h = harness([failure(409, "someone else saved", { revision: 12 }), ok(13)]);
    stop = () => h.actor.stop();
    h.edit();
    h.actor.send({ type: "flush" });
    await h.settle();
    expect(h.shown()).toEqual({ kind: "conflict", serverRevision: 12 });
    h.edit();
    h.clock.increment(RETRY_MS.at(-1)! * 2);
    expect(h.posted).toHaveLength(1);
    h.actor.send({ type: "overwrite" });
    expect(h.posted[1]).toEqual({ revision: 12, document: 2 });
    await h.settle();
    expect(h.shown()).toEqual({ kind: "saved" });
    expect(h.actor.getSnapshot().context.revision).toBe(13);
  });

  it("adopting the server's draft ends a conflict without saving", async () => {
    const h = harness([failure(409, "someone else saved", { revision: 12 })]);
    stop = () => h.actor.stop();
    h.edit();
    h.actor.send({ type: "flush" });
    await h.settle();
    h.page.stored = h.page.screen; // the editor now shows their version
    h.actor.send({ type: "adopt", revision: 12 });
    expect(h.shown()).toEqual({ kind: "saved" });
    expect(h.actor.getSnapshot().context.revision).toBe(12);
    expect(h.posted).toHaveLength(1);
  });

  it("a flush with nothing new does nothing; publishing's new revision is the base of the next save", async () => {
    const h = harness([ok(21)]);
    stop = () => h.actor.stop();
    h.actor.send({ type: "flush" });
    expect(h.posted).toEqual([]);
    h.actor.send({ type: "revision", revision: 20 });
    h.edit();
    h.actor.send({ type: "flush" });
    expect(h.posted).toEqual([{ revision: 20, document: 1 }]);
  });
});
