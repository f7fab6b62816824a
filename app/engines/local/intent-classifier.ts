/**
 * The embedded IntentClassifier. Training happens once per intent set: the cache key is the
 * caller's modelKey plus a hash of the intents and examples, so a republished version with
 * edited examples retrains and an unchanged one never does. Cache size is bounded (LRU).
 *
 * With a sentence encoder, the example phrases are embedded once per model (started by `warm`,
 * when a flow version is published or compiled) and each message once; the evidence is then
 * semantic and lexical fused (intent-model.ts). The encoder is optional evidence: if it fails,
 * is too slow or is not given, the lexical model answers alone, with its own calibration.
 */
import { fnv1a } from "~/utils/fnv1a";
import { insideEmbeddingDeadline, withinEmbeddingDeadline } from "../embedding-deadline.server";
import { backgroundVectors } from "./intent-background";
import { attachSemantic, rankIntents, scoreIntents, trainIntentModel, type IntentModel } from "./intent-model";
import { withNamePhrases } from "./intent-name";
import type { SentenceEncoder } from "./sentence-encoder.server";
import { embedWithStore, type SentenceVectorStore } from "./sentence-vector-store";
import type { IntentClassifier, IntentDefinition, IntentPrediction } from "../types";

/**
 * Without a threshold the best intent is returned and the caller compares `confidence` with
 * its node's threshold (the flow runtime does); with one, below it the answer is "none of these".
 */
export const DEFAULT_INTENT_THRESHOLD = 0;
const CACHE_LIMIT = 64;
/**
 * How long a message waits for its sentence vector (the worker's first load is ~0.1–1.3 s); past it
 * the lexical model answers alone rather than keep the customer waiting. Read at each wait, not
 * once at import, so a setting in force is the one obeyed, whoever imported this module first.
 */
function encoderTimeoutMs(): number {
  return Number(process.env.SENTENCE_ENCODER_TIMEOUT_MS ?? 5_000) || 5_000;
}
// After the encoder failed, messages are not held up trying it again for this long.
const ENCODER_RETRY_MS = 60_000;

type Entry = {
  intents: IntentDefinition[];
  lexical: IntentModel;
  /** The model with its examples embedded; null until ready, or when the encoder failed. */
  fused: IntentModel | null;
  embedding: Promise<IntentModel | null> | null;
};

export type ClassifyInput = { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number };

export class LocalIntentClassifier implements IntentClassifier {
  private readonly models = new Map<string, Entry>();
  private trainedCount = 0;
  private encoderDownUntil = 0;

  constructor(
    private readonly encoder: SentenceEncoder | null = null,
    private readonly threshold = DEFAULT_INTENT_THRESHOLD,
    /** Where example phrases' vectors are kept across restarts and instances (never messages'). */
    private readonly vectorStore: SentenceVectorStore | null = null,
  ) {}

  /** How many models this classifier has trained (cache misses); training is never silent. */
  get trainings(): number {
    return this.trainedCount;
  }

  /** Trains ahead of the first message and starts embedding the examples (called when a flow version is compiled or published). */
  warm(modelKey: string, intents: IntentDefinition[]): void {
    const entry = this.getEntry(modelKey, intents);
    if (entry) void this.semanticModel(entry);
  }

  /** Like `warm`, and resolves once the examples are embedded too (or the encoder failed). */
  async prepare(modelKey: string, intents: IntentDefinition[]): Promise<void> {
    const entry = this.getEntry(modelKey, intents);
    if (entry) await this.semanticModel(entry);
  }

  /** Whether the model for these intents is trained and cached (a classify would not train). */
  has(modelKey: string, intents: IntentDefinition[]): boolean {
    return this.models.has(cacheKey(modelKey, usableIntents(intents)));
  }

  async classify(input: ClassifyInput): Promise<IntentPrediction> {
    const entry = this.getEntry(input.modelKey, input.intents);
    if (!entry) return { intent: null, confidence: 0, ranked: [] };
    const semantic = await this.semanticEvidence(entry, input.text);
    return this.predict(semantic?.model ?? entry.lexical, input, semantic?.vector);
  }

  /** Lexical evidence alone, synchronously (no sentence vectors). */
  classifySync(input: ClassifyInput): IntentPrediction {
    const entry = this.getEntry(input.modelKey, input.intents);
    if (!entry) return { intent: null, confidence: 0, ranked: [] };
    return this.predict(entry.lexical, input);
  }

  private predict(model: IntentModel, input: ClassifyInput, vector?: Float32Array): IntentPrediction {
    const ranked = rankIntents(scoreIntents(model, input.text, vector));
    const best = ranked[0];
    const threshold = input.threshold ?? this.threshold;
    return {
      intent: best && best.confidence >= threshold ? best.name : null,
      confidence: best?.confidence ?? 0,
      ranked,
    };
  }

  /** The fused model and the message's vector, or null when the encoder cannot give them in time. */
  private async semanticEvidence(entry: Entry, text: string): Promise<{ model: IntentModel; vector: Float32Array } | null> {
    if (!this.encoder || Date.now() < this.encoderDownUntil || !encodable(entry)) return null;
    try {
      // Past the turn's deadline: words alone for this message, and the encoder is not counted as failed.
      // Inside a turn that deadline is the only bound (it may be set above encoderTimeoutMs(), whose
      // expiry would mark the encoder down for a minute); outside one (evals, the intent tester) the timeout is.
      const wait = withinEmbeddingDeadline(Promise.all([this.semanticModel(entry), this.encoder.embed([text])]));
      const evidence = await (insideEmbeddingDeadline() ? wait : withTimeout(wait, encoderTimeoutMs()));
      if (!evidence) return null;
      const [model, [vector]] = evidence;
      return model ? { model, vector } : null;
    } catch (error) {
      this.encoderFailed(error);
      return null;
    }
  }

  private semanticModel(entry: Entry): Promise<IntentModel | null> {
    if (entry.fused) return Promise.resolve(entry.fused);
    if (!this.encoder || Date.now() < this.encoderDownUntil || !encodable(entry)) return Promise.resolve(null);
    // Blank lines in a draft's examples say nothing about meaning: only real phrases are embedded.
    const phrases = entry.intents.map((intent) => intent.examples.filter((example) => example.trim() !== ""));
    entry.embedding ??= embedWithStore(this.encoder, this.vectorStore, phrases.flat())
      .then((flat) => {
        let cursor = 0;
        const byIntent = phrases.map((examples) => examples.map(() => flat[cursor++]));
        // The background phrases ship embedded (intent-background.ts): "none of these" evidence.
        entry.fused = attachSemantic(entry.lexical, byIntent, backgroundVectors());
        return entry.fused;
      })
      .catch((error: unknown) => {
        // Forget the attempt so a later message tries again once the encoder is back.
        entry.embedding = null;
        this.encoderFailed(error);
        return null;
      });
    return entry.embedding;
  }

  private encoderFailed(error: unknown): void {
    if (Date.now() >= this.encoderDownUntil) console.warn("[engines] sentence encoder unavailable, intents use lexical evidence alone:", error);
    this.encoderDownUntil = Date.now() + ENCODER_RETRY_MS;
  }

  /** The cached or freshly trained model; null when no intent has an example to learn from. */
  private getEntry(modelKey: string, intents: IntentDefinition[]): Entry | null {
    const usable = usableIntents(intents);
    if (usable.length === 0) return null;
    const key = cacheKey(modelKey, usable);
    const cached = this.models.get(key);
    if (cached) {
      this.models.delete(key);
      this.models.set(key, cached);
      return cached;
    }
    // The intent's name counts as one more example phrase, to both models (intent-name.ts says why).
    const learned = withNamePhrases(usable);
    const entry: Entry = { intents: learned, lexical: trainIntentModel(learned), fused: null, embedding: null };
    this.trainedCount += 1;
    this.models.set(key, entry);
    if (this.models.size > CACHE_LIMIT) this.models.delete(this.models.keys().next().value as string);
    return entry;
  }
}

/** The sentence encoder (USE-lite) only knows English: other languages' steps use the lexical model and its calibration. */
function encodable(entry: Entry): boolean {
  return entry.lexical.space.language === "en";
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no sentence vector within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function usableIntents(intents: IntentDefinition[]): IntentDefinition[] {
  return intents.filter((intent) => intent.examples.some((example) => example.trim() !== ""));
}

function cacheKey(modelKey: string, intents: IntentDefinition[]): string {
  return `${modelKey}#${hashIntents(intents)}`;
}

function hashIntents(intents: IntentDefinition[]): string {
  const text = JSON.stringify(intents.map((intent) => [intent.name, intent.examples]));
  return `${fnv1a(text).toString(36)}:${text.length}`;
}
