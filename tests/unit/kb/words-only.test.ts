/**
 * Try it says when the local engine ranked on words alone: while the articles' sentence vectors
 * are still being built its confidences are rough (several articles can show the same figure).
 */
import { describe, expect, it } from "vitest";
import { missedEmbeddingDeadline, runWithEmbeddingDeadline } from "~/engines/embedding-deadline.server";
import { KnowledgeIndex } from "~/engines/local/knowledge-index";
import type { SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { readWordsOnlyReason } from "~/kb/words-only";

const ARTICLE = { id: "a1", slug: "shipping", title: "Shipping times", body: "Standard shipping takes 3–5 business days.", tags: ["shipping"] };

/** Vectors only once `release()` is called: the state right after a start or an import. */
function gatedEncoder(): SentenceEncoder & { release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    embed: async (texts) => {
      await gate;
      return texts.map((text) => {
        const vector = new Float32Array(8);
        vector[text.length % 8] = 1;
        return vector;
      });
    },
  };
}

describe("readWordsOnlyReason", () => {
  it("is 'warming' until the articles are embedded, then null", async () => {
    const encoder = gatedEncoder();
    const index = new KnowledgeIndex({ encoder });
    index.upsert(ARTICLE);
    expect(await readWordsOnlyReason(index, "how long does shipping take", true)).toBe("warming");
    encoder.release();
    await index.whenEmbedded();
    expect(await readWordsOnlyReason(index, "how long does shipping take", true)).toBeNull();
  });

  it("is 'slow' when the question's vector misses the request's embedding deadline (the articles' are ready)", async () => {
    let holding = false;
    const held: Array<() => void> = [];
    const encoder: SentenceEncoder = {
      embed: async (texts) => {
        if (holding) await new Promise<void>((resolve) => held.push(resolve));
        return texts.map(() => Float32Array.of(1, 0, 0, 0));
      },
    };
    const index = new KnowledgeIndex({ encoder });
    index.upsert(ARTICLE);
    await index.whenEmbedded();
    holding = true;
    expect(await runWithEmbeddingDeadline(() => readWordsOnlyReason(index, "how long does shipping take", true, missedEmbeddingDeadline), 30)).toBe("slow");
    for (const resolve of held) resolve();
  });

  it("is 'unavailable' when semantic search is off or the index has no encoder", async () => {
    const encoder = gatedEncoder();
    encoder.release();
    const index = new KnowledgeIndex({ encoder });
    index.upsert(ARTICLE);
    await index.whenEmbedded();
    expect(await readWordsOnlyReason(index, "shipping", false)).toBe("unavailable");
    const spanish = new KnowledgeIndex({ encoder, language: "es" });
    spanish.upsert(ARTICLE);
    expect(await readWordsOnlyReason(spanish, "envío", true)).toBe("unavailable");
  });
});
