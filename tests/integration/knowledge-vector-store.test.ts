/**
 * Article sentence vectors persist in the SentenceVector table: a rebuilt knowledge index (a
 * restart, another instance on the same database) reads them back instead of embedding again,
 * and an edited article embeds only its changed texts. Runs on SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENCODER_WARM_UP_TEXT, getKnowledgeIndex, refreshArticle, reloadKnowledgeIndex, warmKnowledgeIndex } from "~/engines/knowledge-store.server";
import { articleCues, articlePassages } from "~/engines/local/article-passages";
import { parseArticleOutline } from "~/engines/local/article-outline";
import type * as SentenceEncoderModule from "~/engines/local/sentence-encoder.server";
import { DatabaseSentenceVectorStore } from "~/engines/sentence-vector-store.server";
import { db, type Db } from "~/utils/db.server";
import { FakeSentenceEncoder, fakeVector } from "../support/fake-sentence-encoder";

const encoder = vi.hoisted(() => {
  // The integration projects rank on words alone; this file is about the vectors.
  process.env.BATON_SEMANTIC_SEARCH = "on";
  return { current: null as FakeSentenceEncoder | null };
});

vi.mock("~/engines/local/sentence-encoder.server", async (importOriginal) => {
  const original = await importOriginal<typeof SentenceEncoderModule>();
  return { ...original, getSentenceEncoder: () => encoder.current! };
});

function textsOf(title: string, body: string): string[] {
  const outline = parseArticleOutline(title, body);
  return [...articlePassages(title, outline), ...articleCues(title, outline)];
}

const shipping = { title: "Shipping times", body: "## Express\n\nExpress shipping arrives the next business day.\n\n## Standard\n\nStandard shipping takes three to five days." };
const returns = { title: "Returns", body: "Return any item within 30 days for a full refund." };

/** The two articles as they were first written, and a fresh encoder and index over them. */
async function createArticles(): Promise<void> {
  for (const [id, slug, article] of [["ship", "shipping", shipping], ["returns", "returns", returns]] as const) {
    await db.article.upsert({ where: { id }, create: { id, slug, ...article }, update: article });
  }
  encoder.current = new FakeSentenceEncoder();
  await reloadKnowledgeIndex();
}

describe("stored article vectors", () => {
  afterEach(() => reloadKnowledgeIndex());

  it("a rebuilt index embeds nothing and ranks with vectors at once; an edit embeds only the changed texts", async () => {
    await createArticles();
    const first = await getKnowledgeIndex();
    await first.whenEmbedded();
    const allTexts = new Set([...textsOf(shipping.title, shipping.body), ...textsOf(returns.title, returns.body)]);
    expect(new Set(encoder.current!.embedded)).toEqual(allTexts);
    expect(await db.sentenceVector.count()).toBe(allTexts.size);

    // A restart: a new encoder (no in-memory cache) and a new index over the same database.
    await reloadKnowledgeIndex();
    const restarted = (encoder.current = new FakeSentenceEncoder());
    const second = await getKnowledgeIndex();
    await second.whenEmbedded();
    expect(restarted.embedded).toEqual([]);
    const similarities = await second.similarities("how fast is express shipping", second.ids());
    expect(similarities?.get("ship")?.best).toBeGreaterThan(similarities!.get("returns")!.best);
    expect(restarted.embedded).toEqual(["how fast is express shipping"]);
    restarted.embedded.length = 0;

    const edited = { title: "Shipping times", body: shipping.body.replace("the next business day", "within two business days") };
    await db.article.update({ where: { id: "ship" }, data: edited });
    await refreshArticle("ship");
    await second.whenEmbedded();
    const changed = textsOf(edited.title, edited.body).filter((text) => !allTexts.has(text));
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(restarted.embedded)).toEqual(new Set(changed));
    expect(await db.sentenceVector.count()).toBe(allTexts.size + changed.length);
  });

  it("warming after a restart loads the model once the vectors are read back, embedding no article text", async () => {
    await createArticles();
    await (await getKnowledgeIndex()).whenEmbedded();
    await reloadKnowledgeIndex();
    const restarted = (encoder.current = new FakeSentenceEncoder());
    warmKnowledgeIndex();
    await vi.waitFor(() => expect(restarted.embedded).toEqual([ENCODER_WARM_UP_TEXT]));
    expect((await getKnowledgeIndex()).size).toBe(2);
  });

  it("reads back exactly the vectors stored, for that encoder only, and two stores writing the same texts both succeed", async () => {
    const one = new DatabaseSentenceVectorStore();
    const other = new DatabaseSentenceVectorStore();
    const vectors = new Map(["express shipping", "refunds", "store hours"].map((text) => [text, fakeVector(text)]));
    await Promise.all([one.putMany("fake v1", vectors), other.putMany("fake v1", new Map([...vectors].slice(1)))]);
    await other.putMany("fake v1", vectors);
    expect(await db.sentenceVector.count({ where: { encoder: "fake v1" } })).toBe(3);

    const [found, otherModel] = await Promise.all([one.getMany("fake v1", ["refunds", "express shipping", "not stored"]), one.getMany("fake v2", ["refunds"])]);
    expect([...found.keys()].sort()).toEqual(["express shipping", "refunds"]);
    expect(found.get("refunds")).toEqual(vectors.get("refunds"));
    expect(otherModel.size).toBe(0);
  });

  it("closing waits for the reads and writes under way, and makes no query after (a test's pool ends right after)", async () => {
    const queries: string[] = [];
    let finishWrite = () => {};
    const writing = new Promise<void>((resolve) => (finishWrite = resolve));
    const client = {
      sentenceVector: {
        findMany: async () => {
          queries.push("read");
          return [];
        },
        createMany: async () => {
          queries.push("write");
          await writing;
          return { count: 1 };
        },
      },
    } as unknown as Db;
    const store = new DatabaseSentenceVectorStore(client);
    const read = store.getMany("fake v1", ["refunds"]);
    const write = store.putMany("fake v1", new Map([["refunds", fakeVector("refunds")]]));
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await vi.waitFor(() => expect(queries).toEqual(["write", "read"]));
    expect(closed).toBe(false);
    finishWrite();
    await closing;
    await expect(read).resolves.toEqual(new Map());
    await expect(write).resolves.toBeUndefined();

    expect(await store.getMany("fake v1", ["refunds"])).toEqual(new Map());
    await store.putMany("fake v1", new Map([["returns", fakeVector("returns")]]));
    expect(queries).toEqual(["write", "read"]);
  });
});
