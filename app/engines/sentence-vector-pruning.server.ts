/**
 * Pruning the SentenceVector table. Its rows are content-addressed (encoder id + text), so nothing
 * says which article or flow version a row was stored for: every edited passage and every intent
 * example of every version would stay forever. A row is LIVE when the engines would ask for it:
 *   - the passages and cues of every published article (what the knowledge index embeds, recorded
 *     by running the index itself, so what counts follows whatever article-passages.ts makes);
 *   - the intent examples of every flow version that can still run: each flow's latest published
 *     version (new conversations start there) and every version an unresolved conversation active
 *     in the last ACTIVE_DAYS is pinned to (older versions still running, the builder's previews).
 *     A conversation silent for longer was abandoned (a customer who closed the tab never
 *     resolves it): should it ever move again, its version's examples are embedded afresh;
 * all under the process's encoder id (another model's rows are never read again). Everything
 * else older than GRACE_MS is deleted, BATCH rows at a time. The grace period is what makes this
 * safe with several instances on one database: another instance may be embedding an article
 * saved a second ago, which the live set read here does not know yet — its rows are young.
 * Deleting a row that turns out to be needed costs one embedding when it is next asked for,
 * never a wrong answer.
 *
 * Runs in the background a minute after start-up (after the knowledge base's warm-up) and daily,
 * in each instance: two instances pruning at once delete the same rows, harmlessly.
 */
import { listIntentModels, parseFlowDocument } from "~/flow";
import { db as defaultDb, type Db } from "~/utils/db.server";
import { articleSelect, parseArticleRow } from "./knowledge-store.server";
import { KnowledgeIndex } from "./local/knowledge-index";
import { SENTENCE_ENCODER_ID, type SentenceEncoder } from "./local/sentence-encoder.server";
import { sentenceVectorKey, type SentenceVectorStore } from "./local/sentence-vector-store";

const GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const START_DELAY_MS = 60_000;
const EVERY_MS = 24 * 60 * 60 * 1000;
/** An unresolved conversation keeps its version's vectors while it had a message this recently. */
const ACTIVE_DAYS = 30;

export type PruneOptions = { client?: Db; now?: Date; encoderId?: string; batchSize?: number };
export type PruneResult = { live: number; kept: number; deleted: number };

/** Deletes the rows no live article or runnable flow version needs, older than the grace period. */
export async function pruneSentenceVectors(options: PruneOptions = {}): Promise<PruneResult> {
  const client = options.client ?? defaultDb;
  const batchSize = options.batchSize ?? BATCH;
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - GRACE_MS);
  const activeSince = new Date(now.getTime() - ACTIVE_DAYS * 24 * 60 * 60 * 1000);
  const live = await readLiveVectorKeys(client, options.encoderId ?? SENTENCE_ENCODER_ID, activeSince);
  let kept = 0;
  let deleted = 0;
  let after: string | null = null;
  for (;;) {
    const rows: Array<{ key: string }> = await client.sentenceVector.findMany({
      where: { createdAt: { lt: cutoff }, ...(after === null ? {} : { key: { gt: after } }) },
      orderBy: { key: "asc" },
      take: batchSize,
      select: { key: true },
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1].key;
    const dead = rows.map((row) => row.key).filter((key) => !live.has(key));
    kept += rows.length - dead.length;
    if (dead.length > 0) deleted += (await client.sentenceVector.deleteMany({ where: { key: { in: dead }, createdAt: { lt: cutoff } } })).count;
    if (rows.length < batchSize) break;
  }
  return { live: live.size, kept, deleted };
}

/** The keys of every vector the live articles and runnable flow versions need. */
async function readLiveVectorKeys(client: Db, encoderId: string, activeSince: Date): Promise<Set<string>> {
  const recorder = new KeyRecorder(encoderId);
  const articles = await client.article.findMany({ where: { status: "published" }, select: articleSelect });
  // English whatever the articles' language: passages do not depend on it, and an index in
  // another language embeds nothing, so this is the same set or a larger one — never smaller.
  const index = new KnowledgeIndex({ encoder: recorder, vectorStore: recorder, language: "en" });
  for (const row of articles) index.upsert(parseArticleRow(row));
  await index.whenEmbedded();

  for (const document of await readRunnableFlowDocuments(client, activeSince)) {
    for (const model of listIntentModels(document)) {
      // What LocalIntentClassifier embeds: every non-blank example (a larger set for a step in a
      // language the encoder does not know, which it never embeds).
      recorder.record(model.intents.flatMap((intent) => intent.examples.filter((example) => example.trim() !== "")));
    }
  }
  return recorder.keys;
}

async function readRunnableFlowDocuments(client: Db, activeSince: Date) {
  const [latest, pinned] = await Promise.all([
    client.flow.findMany({ select: { versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { id: true, document: true } } } }),
    client.flowVersion.findMany({ where: { conversations: { some: { status: { not: "resolved" }, lastMessageAt: { gte: activeSince } } } }, select: { id: true, document: true } }),
  ]);
  const byId = new Map([...latest.flatMap((flow) => flow.versions), ...pinned].map((version) => [version.id, version.document]));
  return [...byId.values()].flatMap((json) => {
    const parsed = parseFlowDocument(JSON.parse(json));
    return parsed.ok ? [parsed.document] : [];
  });
}

/**
 * An encoder and store that embed nothing: they note the key of every text the knowledge index
 * asks for, and answer with empty vectors.
 */
class KeyRecorder implements SentenceEncoder, SentenceVectorStore {
  readonly keys = new Set<string>();

  constructor(readonly id: string) {}

  record(texts: readonly string[], encoderId = this.id): void {
    for (const text of texts) this.keys.add(sentenceVectorKey(encoderId, text));
  }

  async getMany(encoderId: string, texts: readonly string[]): Promise<Map<string, Float32Array>> {
    this.record(texts, encoderId);
    return new Map();
  }

  async putMany(): Promise<void> {}

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map(() => new Float32Array(0));
  }
}

const globalForPruning = globalThis as unknown as { __batonVectorPruning?: boolean };

/** Starts pruning in the background: once shortly after start-up, then daily. Timers do not keep the process alive. */
export function startSentenceVectorPruning(): void {
  if (globalForPruning.__batonVectorPruning) return;
  globalForPruning.__batonVectorPruning = true;
  const run = () => {
    pruneSentenceVectors().then(
      ({ deleted }) => {
        if (deleted > 0) console.info(`[engines] pruned ${deleted} stored sentence vectors no article or runnable flow version needs`);
      },
      (error: unknown) => console.warn("[engines] pruning stored sentence vectors failed:", error instanceof Error ? error.message : error),
    );
  };
  setTimeout(run, START_DELAY_MS).unref();
  setInterval(run, EVERY_MS).unref();
}
