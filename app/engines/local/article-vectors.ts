/**
 * Sentence vectors of every indexed article's passages and cues (article-passages.ts), computed
 * once per article revision when the article is indexed — never per customer message — and kept
 * beside the lexical index. Embedding runs on the encoder's worker thread; until an article's
 * vectors are ready, or when the encoder fails, `similarities` returns null and the caller ranks
 * on lexical evidence alone: a customer never waits for indexing, and a broken model never breaks
 * the knowledge base. After a failure the encoder is left alone for a while, so a broken model
 * costs one failed call per minute, not one per message.
 *
 * With a vector store (sentence-vector-store.ts) a text's vector is read back instead of embedded
 * again: a restart, or another instance on the same database, embeds nothing it already has, and
 * an edited article only its changed passages.
 */
import { withinEmbeddingDeadline } from "../embedding-deadline.server";
import { cosine, type SentenceEncoder } from "./sentence-encoder.server";
import { embedWithStore, type SentenceVectorStore } from "./sentence-vector-store";

const RETRY_AFTER_MS = 60_000;

/** `texts` are the passages (title first), then the generated cues, then the example questions. */
type Entry = { texts: string[]; passageCount: number; cueCount: number; vectors: Float32Array[] | null };

/**
 * Cosines between the question and one article: each passage's (in article-passages.ts order),
 * the best of them, their mean (how much of the whole article is about the question), the
 * title's alone, and the best cue's (example questions are cues). `example` is the example question
 * that was the best cue, when one was: Try it says which one matched. `examples` are the example
 * questions' own cosines (in the article's order), only when it has some: the reranker's
 * example-aware term reads them (knowledge-reranker.ts).
 */
export type ArticleSimilarity = { best: number; mean: number; title: number; cue: number; passages: number[]; example?: string; examples?: number[] };

export class ArticleVectors {
  private readonly entries = new Map<string, Entry>();
  /** Entries whose embedding is under way (so a question does not start a second one). */
  private readonly embedding = new WeakSet<Entry>();
  private readonly pending = new Set<Promise<void>>();
  private failedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly encoder: SentenceEncoder,
    private readonly store: SentenceVectorStore | null = null,
  ) {}

  /** Starts embedding the article's passages (title first), cues and example questions; the previous revision's vectors are dropped. */
  upsert(id: string, passages: string[], cues: string[] = [], examples: string[] = []): void {
    const entry: Entry = { texts: [...passages, ...cues, ...examples], passageCount: passages.length, cueCount: cues.length, vectors: null };
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

  /** Each of `ids`' similarities to the query; null when the encoder is unavailable or an article is not embedded yet. */
  async similarities(query: string, ids: Iterable<string>): Promise<Map<string, ArticleSimilarity> | null> {
    if (this.isCoolingDown()) return null;
    const entries: Array<[string, Entry & { vectors: Float32Array[] }]> = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry?.vectors) {
        if (entry && !this.isEmbedding(entry)) this.embed(entry);
        return null;
      }
      entries.push([id, entry as Entry & { vectors: Float32Array[] }]);
    }
    let queryVector: Float32Array;
    try {
      // Past the turn's deadline: words alone for this question (the late vector is still cached by the encoder).
      const embedded = await withinEmbeddingDeadline(this.encoder.embed([query]));
      if (!embedded) return null;
      [queryVector] = embedded;
    } catch (error) {
      this.fail(error);
      return null;
    }
    const result = new Map<string, ArticleSimilarity>();
    for (const [id, { texts, vectors, passageCount, cueCount }] of entries) {
      const cosines = vectors.map((vector) => cosine(queryVector, vector));
      const passages = cosines.slice(0, passageCount);
      const cues = cosines.slice(passageCount);
      const mean = passages.reduce((sum, value) => sum + value, 0) / passages.length;
      const similarity: ArticleSimilarity = { best: Math.max(...passages), mean, title: passages[0], cue: cues.length ? Math.max(...cues) : passages[0], passages };
      // The first best cue wins a tie, so an example question is named only when it beat every generated cue.
      const bestCue = cues.indexOf(similarity.cue);
      if (bestCue >= cueCount) similarity.example = texts[passageCount + bestCue];
      if (cues.length > cueCount) similarity.examples = cues.slice(cueCount);
      result.set(id, similarity);
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
    const job = embedWithStore(this.encoder, this.store, entry.texts).then(
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
