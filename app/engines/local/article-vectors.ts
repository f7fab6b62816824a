/**
 * Sentence vectors of every indexed article's passages (article-passages.ts), computed once per
 * article revision when the article is indexed — never per customer message — and kept beside
 * the lexical index. Embedding runs on the encoder's worker thread; until an article's vectors
 * are ready, or when the encoder fails, `similarities` returns null and the caller ranks on
 * lexical evidence alone: a customer never waits for indexing, and a broken model never breaks
 * the knowledge base. After a failure the encoder is left alone for a while, so a broken model
 * costs one failed call per minute, not one per message.
 */
import { cosine, type SentenceEncoder } from "./sentence-encoder.server";

const RETRY_AFTER_MS = 60_000;

type Entry = { passages: string[]; vectors: Float32Array[] | null };

export type ArticleSimilarity = { best: number; title: number };

export class ArticleVectors {
  private readonly entries = new Map<string, Entry>();
  /** Entries whose embedding is under way (so a question does not start a second one). */
  private readonly embedding = new WeakSet<Entry>();
  private readonly pending = new Set<Promise<void>>();
  private failedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly encoder: SentenceEncoder) {}

  /** Starts embedding the article's passages (title first); the previous revision's vectors are dropped. */
  upsert(id: string, passages: string[]): void {
    const entry: Entry = { passages, vectors: null };
    this.entries.set(id, entry);
    this.embed(entry);
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  /** Resolves when every article indexed so far has its vectors (or failed): for tools and tests that want the full model. */
  async whenReady(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /**
   * For each of `ids`, the best cosine between the query and one of its passages, and with its
   * title alone; null when the encoder is unavailable or an article is not embedded yet.
   */
  async similarities(query: string, ids: Iterable<string>): Promise<Map<string, ArticleSimilarity> | null> {
    if (this.isCoolingDown()) return null;
    const entries: Array<[string, Float32Array[]]> = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry?.vectors) {
        if (entry && !this.isEmbedding(entry)) this.embed(entry);
        return null;
      }
      entries.push([id, entry.vectors]);
    }
    let queryVector: Float32Array;
    try {
      [queryVector] = await this.encoder.embed([query]);
    } catch (error) {
      this.fail(error);
      return null;
    }
    const result = new Map<string, ArticleSimilarity>();
    for (const [id, vectors] of entries) {
      let best = -1;
      for (const vector of vectors) best = Math.max(best, cosine(queryVector, vector));
      result.set(id, { best, title: cosine(queryVector, vectors[0]) });
    }
    return result;
  }

  private isEmbedding(entry: Entry): boolean {
    return this.embedding.has(entry);
  }

  private isCoolingDown(): boolean {
    return performance.now() - this.failedAt < RETRY_AFTER_MS;
  }

  private embed(entry: Entry): void {
    if (this.isCoolingDown()) return;
    this.embedding.add(entry);
    const job = this.encoder.embed(entry.passages).then(
      (vectors) => {
        entry.vectors = vectors;
      },
      (error: unknown) => this.fail(error),
    );
    const tracked = job.finally(() => {
      this.embedding.delete(entry);
      this.pending.delete(tracked);
    });
    this.pending.add(tracked);
  }

  private fail(error: unknown): void {
    if (performance.now() - this.failedAt >= RETRY_AFTER_MS) console.warn("[knowledge] sentence encoder unavailable, ranking on words alone:", error instanceof Error ? error.message : error);
    this.failedAt = performance.now();
  }
}
