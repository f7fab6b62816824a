import { describe, expect, it } from "vitest";
import {
  applySendResult,
  createOutboxEntry,
  decide,
  markEchoed,
  markSending,
  nextToSend,
  nextWakeUp,
  parseStoredOutbox,
  retryDelayMs,
  retryNow,
  serializeOutbox,
  visibleOutbox,
  type OutboxEntry,
} from "~/chat/send-queue";
import type { ChatMessage } from "~/chat/types";

const noJitter = () => 0.5;
const reply = (messages: ChatMessage[] = []) => ({ kind: "ok" as const, reply: { status: "bot" as const, messages } });

function queue(...texts: string[]): OutboxEntry[] {
  return texts.map((text, index) => createOutboxEntry(text, `id-${index + 1}`, 1_000));
}

describe("the outbox", () => {
  it("sends one message at a time, oldest first", () => {
    let entries = queue("first", "second");
    expect(nextToSend(entries, 1_000)?.clientMessageId).toBe("id-1");
    entries = markSending(entries, "id-1");
    expect(nextToSend(entries, 1_000)).toBeNull();
    entries = applySendResult(entries, "id-1", reply(), 1_100).entries;
    expect(nextToSend(entries, 1_100)?.clientMessageId).toBe("id-2");
  });

  it("retries a network failure with the SAME clientMessageId after a growing delay", () => {
    let entries = markSending(queue("hello"), "id-1");
    entries = applySendResult(entries, "id-1", { kind: "network" }, 2_000, noJitter).entries;
    expect(entries[0]).toMatchObject({ clientMessageId: "id-1", state: "retrying", attempts: 1, nextAttemptAt: 3_000 });
    expect(nextToSend(entries, 2_999)).toBeNull();
    expect(nextWakeUp(entries)).toBe(3_000);
    expect(nextToSend(entries, 3_000)?.clientMessageId).toBe("id-1");

    entries = applySendResult(markSending(entries, "id-1"), "id-1", { kind: "http", status: 503 }, 3_000, noJitter).entries;
    expect(entries[0]).toMatchObject({ clientMessageId: "id-1", attempts: 2, nextAttemptAt: 5_000 });
  });

  it("backs off 1 s, 2 s, 4 s … up to 30 s, with at most 20 % jitter", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempts) => retryDelayMs(attempts, noJitter))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(retryDelayMs(1, () => 0)).toBe(800);
    expect(retryDelayMs(1, () => 1)).toBe(1_200);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
  });

  it("waits at least as long as a 429's Retry-After", () => {
    const entries = applySendResult(markSending(queue("hi"), "id-1"), "id-1", { kind: "http", status: 429, retryAfterSeconds: 7 }, 0, noJitter).entries;
    expect(entries[0]).toMatchObject({ state: "retrying", nextAttemptAt: 7_000 });
  });

  it("classifies answers: 5xx, 408, 429 and network retry; 404 means the conversation is gone; other 4xx fail", () => {
    expect(decide({ kind: "network" })).toBe("retry");
    expect([500, 502, 503, 408, 429].map((status) => decide({ kind: "http", status }))).toEqual(["retry", "retry", "retry", "retry", "retry"]);
    expect(decide({ kind: "http", status: 404 })).toBe("lost");
    expect(decide({ kind: "http", status: 400 })).toBe("fail");
    expect(decide(reply())).toBe("ack");
  });

  it("keeps a permanently refused message visible with the reason, and moves on to the next", () => {
    let entries = markSending(queue("bad", "good"), "id-1");
    const result = applySendResult(entries, "id-1", { kind: "http", status: 400, message: "The message is empty." }, 0);
    entries = result.entries;
    expect(result.decision).toBe("fail");
    expect(entries[0]).toMatchObject({ state: "failed", error: "The message is empty." });
    expect(nextToSend(entries, 1_000)?.clientMessageId).toBe("id-2");
  });

  it("removes a message once acknowledged", () => {
    const entries = applySendResult(markSending(queue("hi"), "id-1"), "id-1", reply(), 0).entries;
    expect(entries).toEqual([]);
  });

  it("sends waiting messages at once when the browser comes back online", () => {
    let entries = applySendResult(markSending(queue("hi"), "id-1"), "id-1", { kind: "network" }, 0, noJitter).entries;
    expect(nextToSend(entries, 10)).toBeNull();
    entries = retryNow(entries, 10);
    expect(nextToSend(entries, 10)?.clientMessageId).toBe("id-1");
  });

  it("hides the optimistic bubble when the live stream delivers the stored copy first, but keeps the entry until the POST answers", () => {
    const entries = markEchoed(markSending(queue("where is my order"), "id-1"), { id: "m9", role: "customer", text: "where is my order", createdAt: "" });
    expect(entries).toHaveLength(1);
    expect(visibleOutbox(entries)).toEqual([]);
    // Another customer message with the same text is a different message: only one entry per stored message.
    expect(markEchoed(entries, { id: "m9", role: "customer", text: "where is my order", createdAt: "" })).toBe(entries);
    expect(markEchoed(entries, { id: "m10", role: "bot", text: "where is my order", createdAt: "" })).toBe(entries);
  });

  it("survives a closed tab through storage, resending with the same ids and dropping anything malformed", () => {
    let entries = queue("one", "two");
    entries = applySendResult(markSending(entries, "id-1"), "id-1", { kind: "http", status: 400 }, 0).entries;
    const stored = serializeOutbox(entries);
    const restored = parseStoredOutbox(stored, 5_000);
    expect(restored).toEqual([{ clientMessageId: "id-2", text: "two", queuedAt: 1_000, attempts: 0, state: "queued", nextAttemptAt: 5_000 }]);
    expect(parseStoredOutbox("not json", 0)).toEqual([]);
    expect(parseStoredOutbox(JSON.stringify([{ clientMessageId: "", text: "x" }, { clientMessageId: "a", text: "x".repeat(4001) }, null, { clientMessageId: "b", text: "ok" }]), 0)).toHaveLength(1);
  });
});
