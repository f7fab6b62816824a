/**
 * The SentenceVector table as the engines' vector store (local/sentence-vector-store.ts):
 * one table on SQLite or PostgreSQL, so every instance and every restart shares what any of them
 * embedded. Building the index asks for each article's texts separately; the lookups asked for in
 * one event-loop turn are merged into one query (in chunks of CHUNK keys), so indexing the demo
 * knowledge base at start-up is a few queries, not one per article.
 *
 * Embedding runs in the background (a published flow's examples, an edited article), so a read
 * or a write can still be on its way when the process — or a test — closes the database: `close`
 * waits for the queries under way and turns later ones into "nothing stored" instead of queries
 * on a closed pool. Rows are pruned by sentence-vector-pruning.server.ts.
 */
import { db as defaultDb, type Db } from "~/utils/db.server";
import { hasPrismaCode } from "~/utils/prisma-errors";
import { bytesToVector, sentenceVectorKey, vectorToBytes, type SentenceVectorStore } from "./local/sentence-vector-store";

/** Keys per query, well under both databases' bound-parameter limits (SQLite 32,766, PostgreSQL 65,535). */
const CHUNK = 500;

type Lookup = { keys: Map<string, string>; resolve: (vectors: Map<string, Float32Array>) => void; reject: (error: unknown) => void };

export class DatabaseSentenceVectorStore implements SentenceVectorStore {
  private lookups: Lookup[] = [];
  private readonly underWay = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly client: Db = defaultDb) {}

  getMany(encoderId: string, texts: readonly string[]): Promise<Map<string, Float32Array>> {
    if (this.closed) return Promise.resolve(new Map());
    const keys = new Map(texts.map((text) => [sentenceVectorKey(encoderId, text), text]));
    return new Promise((resolve, reject) => {
      if (this.lookups.push({ keys, resolve, reject }) === 1) setImmediate(() => void this.track(this.flush()));
    });
  }

  putMany(encoderId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.track(this.write(encoderId, vectors));
  }

  /**
   * Waits for the reads and writes under way; from now on reads find nothing and writes store
   * nothing (the engines then embed without the store, as they do without a database).
   */
  async close(): Promise<void> {
    this.closed = true;
    while (this.lookups.length > 0 || this.underWay.size > 0) {
      if (this.lookups.length > 0) await this.track(this.flush());
      await Promise.allSettled([...this.underWay]);
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.underWay.add(work);
    void work.then(
      () => this.underWay.delete(work),
      () => this.underWay.delete(work),
    );
    return work;
  }

  private async write(encoderId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    const rows = [...vectors].map(([text, vector]) => ({ key: sentenceVectorKey(encoderId, text), encoder: encoderId, vector: vectorToBytes(vector) }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      try {
        await this.client.sentenceVector.createMany({ data: chunk });
      } catch (error) {
        // Another instance stored some of the same texts meanwhile (createMany cannot skip
        // duplicates on SQLite): row by row, a taken key is already the same vector.
        if (!hasPrismaCode(error, "P2002")) throw error;
        for (const row of chunk) await this.client.sentenceVector.create({ data: row }).catch((rowError: unknown) => {
          if (!hasPrismaCode(rowError, "P2002")) throw rowError;
        });
      }
    }
  }

  private async flush(): Promise<void> {
    const lookups = this.lookups;
    this.lookups = [];
    if (lookups.length === 0) return;
    try {
      const keys = [...new Set(lookups.flatMap((lookup) => [...lookup.keys.keys()]))];
      const found = new Map<string, Float32Array>();
      for (let start = 0; start < keys.length; start += CHUNK) {
        const rows = await this.client.sentenceVector.findMany({ where: { key: { in: keys.slice(start, start + CHUNK) } }, select: { key: true, vector: true } });
        for (const row of rows) {
          const vector = bytesToVector(row.vector);
          if (vector) found.set(row.key, vector);
        }
      }
      for (const lookup of lookups) {
        const vectors = new Map<string, Float32Array>();
        for (const [key, text] of lookup.keys) {
          const vector = found.get(key);
          if (vector) vectors.set(text, vector);
        }
        lookup.resolve(vectors);
      }
    } catch (error) {
      for (const lookup of lookups) lookup.reject(error);
    }
  }
}

let shared: DatabaseSentenceVectorStore | null = null;

/** The process's store on its database. */
export function getSentenceVectorStore(): SentenceVectorStore {
  shared ??= new DatabaseSentenceVectorStore();
  return shared;
}

/** Before the database is closed: waits for the process's store's queries under way (see `close`). */
export async function closeSentenceVectorStore(): Promise<void> {
  await shared?.close();
}
