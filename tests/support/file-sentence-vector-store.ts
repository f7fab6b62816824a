/**
 * A sentence vector store in files, for tests that run the real sentence encoder over the same
 * texts on every run: embedding the demo store's 47 articles (923 passages, cues and table rows)
 * costs 30–40 s of CPU, and the same model gives the same vectors every time. The store is the
 * product's own mechanism (app/engines/local/sentence-vector-store.ts) with files in place of the
 * SentenceVector table: one file per vector, named by the same content-addressed key (the
 * encoder's id, which names the model package's version and post-processing, and the exact
 * text), so a model change never reads an old vector. A file is written under a temporary name
 * and renamed into place, so two test files storing the same text at once leave a whole vector.
 * Questions are never stored: only article texts go through a store.
 */
import fs from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { SENTENCE_VECTOR_SIZE } from "~/engines/local/sentence-encoder.server";
import { bytesToVector, sentenceVectorKey, vectorToBytes, type SentenceVectorStore } from "~/engines/local/sentence-vector-store";
import { tmpDir } from "../setup/migrate";

/** Git-ignored with the rest of tests/.tmp; deleting it only means the next run embeds again. */
export const TEST_SENTENCE_VECTORS_DIR = path.join(tmpDir, "sentence-vectors");

export class FileSentenceVectorStore implements SentenceVectorStore {
  constructor(private readonly dir: string = TEST_SENTENCE_VECTORS_DIR) {}

  async getMany(encoderId: string, texts: readonly string[]): Promise<Map<string, Float32Array>> {
    const found = new Map<string, Float32Array>();
    for (const text of texts) {
      const bytes = await fs.readFile(this.fileOf(encoderId, text)).catch(() => null);
      const vector = bytes && bytesToVector(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (vector?.length === SENTENCE_VECTOR_SIZE) found.set(text, vector);
    }
    return found;
  }

  async putMany(encoderId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    await this.putBytes([...vectors].map(([text, vector]) => ({ key: sentenceVectorKey(encoderId, text), bytes: vectorToBytes(vector) })));
  }

  /**
   * Copies the SentenceVector rows of a SQLite database (one the app's `kb -- index` filled) into
   * the files: the table's key and bytes are the store's file name and contents.
   */
  async putFromDatabase(databaseFile: string): Promise<number> {
    const database = new Database(databaseFile, { readonly: true });
    try {
      const rows = database.prepare("SELECT key, vector FROM SentenceVector").all() as Array<{ key: string; vector: Buffer }>;
      await this.putBytes(rows.map(({ key, vector }) => ({ key, bytes: vector })));
      return rows.length;
    } finally {
      database.close();
    }
  }

  private async putBytes(vectors: ReadonlyArray<{ key: string; bytes: Uint8Array }>): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    for (const { key, bytes } of vectors) {
      const file = path.join(this.dir, key);
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, bytes);
      await fs.rename(partial, file);
    }
  }

  private fileOf(encoderId: string, text: string): string {
    return path.join(this.dir, sentenceVectorKey(encoderId, text));
  }
}
