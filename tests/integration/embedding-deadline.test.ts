/**
 * A customer's turn never waits unboundedly for the sentence encoder (issue 15): through the real
 * runtime, the starter flow store-support (an intent step, then the shipping topic's kb step) and
 * the demo knowledge base, with the embedded engines on an encoder that holds every vector until
 * the test lets it go — as a loading, retrying or busy worker does. The turn ends within
 * BATON_EMBEDDING_DEADLINE_MS (set to 400 ms here) plus a margin, both steps decide on words
 * alone and the trace (and the editor's preview) says so; the example phrases' vectors that arrive
 * late are still stored.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const DEADLINE_MS = vi.hoisted(() => {
  process.env.BATON_EMBEDDING_DEADLINE_MS = "400";
  return 400;
});

import fs from "node:fs";
import path from "node:path";
import { WORDS_ONLY_ENGINE } from "~/engines/embedding-deadline.server";
import { readPreviewState, startPreview } from "~/flow-admin/preview.server";
import { parseFlowDocument } from "~/flow";
import { articleSelect, parseArticleRow } from "~/engines/knowledge-store.server";
import { createLocalEngines, KnowledgeIndex } from "~/engines/local";
import type { SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { seedTeams, startConversation } from "../support/chat-api";
import { fakeVector, MemorySentenceVectorStore } from "../support/fake-sentence-encoder";

/** Generous for a loaded CI machine: the turn's own database work, not the encoder. */
const MARGIN_MS = 1_500;

/** An encoder whose vectors arrive only once `release()` is called while it is holding. */
class HeldEncoder implements SentenceEncoder {
  readonly id = "held-encoder v1";
  holding = false;
  private readonly held: Array<() => void> = [];

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    // 512 dimensions, as the shipped background phrases' vectors have.
    return texts.map((text) => Float32Array.from({ length: 512 }, (_, i) => (i < 32 ? fakeVector(text)[i] : 0)));
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

const encoder = new HeldEncoder();
const store = new MemorySentenceVectorStore();
let engines: ReturnType<typeof createLocalEngines>;

beforeAll(async () => {
  await seedTeams();
  await seedStarterFlows(db);
  await seedKnowledgeBase(db);
  // The articles are embedded before the encoder stalls: only the customer's words wait.
  const index = new KnowledgeIndex({ encoder });
  for (const row of await db.article.findMany({ where: { status: "published" }, select: articleSelect })) index.upsert(parseArticleRow(row));
  await index.whenEmbedded();
  engines = createLocalEngines(async () => index, encoder, store);
});

afterAll(() => encoder.release());

async function eventsOf(conversationId: string, type: string) {
  const rows = await db.event.findMany({ where: { conversationId, type }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { nodeId: true, payload: true } });
  return rows.map((row) => ({ nodeId: row.nodeId, ...(JSON.parse(row.payload) as Record<string, unknown>) }));
}

describe("a turn that needs sentence vectors from a stalled encoder", () => {
  it("decides on words alone once the deadline passes, says so in the trace, and keeps the late example vectors", async () => {
    const { id } = await startConversation("store-support");
    encoder.holding = true;
    const started = performance.now();
    const reply = await handleCustomerMessage({ conversationId: id, clientMessageId: "deadline-1", text: "how much does shipping cost?" }, engines);
    const elapsed = performance.now() - started;

    // It waited for the encoder (both steps share one deadline), and no longer than the deadline allows.
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(elapsed).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    // Words alone still route and answer: the shipping topic, then its article.
    expect(reply.status).toBe("bot");
    const answer = reply.messages.find((message) => message.source);
    expect(answer?.source).toMatchObject({ slug: "shipping-options-and-costs" });
    expect((await eventsOf(id, "intent.classified"))[0]).toMatchObject({ nodeId: "topic", intent: "shipping_info" });

    const notes = await eventsOf(id, "engine.fallback");
    expect(notes.map((note) => note.nodeId)).toEqual(["topic", "shipping-kb"]);
    for (const note of notes) expect(note).toMatchObject({ engine: WORDS_ONLY_ENGINE, error: expect.stringContaining(`within ${DEADLINE_MS} ms: ranked on words alone`) });

    // The example phrases' vectors were still being made: once the encoder answers they are stored, not lost.
    expect(store.rows.size).toBe(0);
    encoder.release();
    await expect.poll(() => store.rows.size, { timeout: 5_000 }).toBeGreaterThan(20);
  });

  it("a turn whose vectors come in time records no note", async () => {
    const { id } = await startConversation("store-support");
    const reply = await handleCustomerMessage({ conversationId: id, clientMessageId: "deadline-2", text: "how much does shipping cost?" }, engines);
    expect(reply.messages.find((message) => message.source)?.source).toMatchObject({ slug: "shipping-options-and-costs" });
    expect(await eventsOf(id, "engine.fallback")).toEqual([]);
  });

  it("the editor's preview says which decision was made on words alone", async () => {
    const flow = await db.flow.findFirstOrThrow({ where: { slug: "store-support" }, select: { id: true } });
    const parsed = parseFlowDocument(JSON.parse(fs.readFileSync(path.join(process.cwd(), "flows/store-support.json"), "utf8")));
    if (!parsed.ok) throw new Error("the starter flow does not parse");
    const preview = await startPreview({ flowId: flow.id, document: parsed.document });
    encoder.holding = true;
    await handleCustomerMessage({ conversationId: preview!.conversationId, clientMessageId: "deadline-3", text: "how much does shipping cost?" }, engines);
    encoder.release();
    expect(await readPreviewState(flow.id, preview!.conversationId)).toMatchObject({
      intent: { name: "shipping_info", wordsOnly: true },
      kb: { title: "Shipping options, costs and delivery times", wordsOnly: true },
    });
    // A run whose vectors come in time shows no note.
    const again = await startPreview({ flowId: flow.id, document: parsed.document, previousConversationId: preview!.conversationId });
    await handleCustomerMessage({ conversationId: again!.conversationId, clientMessageId: "deadline-4", text: "how much does shipping cost?" }, engines);
    expect(await readPreviewState(flow.id, again!.conversationId)).toMatchObject({ intent: { wordsOnly: false }, kb: { wordsOnly: false } });
  });
});
