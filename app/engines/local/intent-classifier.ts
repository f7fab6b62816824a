/**
 * The embedded IntentClassifier. Training happens once per intent set: the cache key is the
 * caller's modelKey plus a hash of the intents and examples, so a republished version with
 * edited examples retrains and an unchanged one never does. Cache size is bounded (LRU).
 */
import { fnv1a } from "~/utils/fnv1a";
import { rankIntents, scoreIntents, trainIntentModel, type IntentModel } from "./intent-model";
import type { IntentClassifier, IntentDefinition, IntentPrediction } from "../types";

/**
 * Without a threshold the best intent is returned and the caller compares `confidence` with
 * its node's threshold (the flow runtime does); with one, below it the answer is "none of these".
 */
export const DEFAULT_INTENT_THRESHOLD = 0;
const CACHE_LIMIT = 64;

export class LocalIntentClassifier implements IntentClassifier {
  private readonly models = new Map<string, IntentModel>();
  private trainedCount = 0;

  constructor(private readonly threshold = DEFAULT_INTENT_THRESHOLD) {}

  /** How many models this classifier has trained (cache misses); training is never silent. */
  get trainings(): number {
    return this.trainedCount;
  }

  /** Trains ahead of the first message (called when a flow version is compiled or published). */
  warm(modelKey: string, intents: IntentDefinition[]): void {
    this.getModel(modelKey, intents);
  }

  /** Whether the model for these intents is trained and cached (a classify would not train). */
  has(modelKey: string, intents: IntentDefinition[]): boolean {
    return this.models.has(cacheKey(modelKey, usableIntents(intents)));
  }

  async classify(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): Promise<IntentPrediction> {
    return this.classifySync(input);
  }

  classifySync(input: { modelKey: string; intents: IntentDefinition[]; text: string; threshold?: number }): IntentPrediction {
    const model = this.getModel(input.modelKey, input.intents);
    if (!model) return { intent: null, confidence: 0, ranked: [] };
    const ranked = rankIntents(scoreIntents(model, input.text));
    const best = ranked[0];
    const threshold = input.threshold ?? this.threshold;
    return {
      intent: best && best.confidence >= threshold ? best.name : null,
      confidence: best?.confidence ?? 0,
      ranked,
    };
  }

  /** The cached or freshly trained model; null when no intent has an example to learn from. */
  private getModel(modelKey: string, intents: IntentDefinition[]): IntentModel | null {
    const usable = usableIntents(intents);
    if (usable.length === 0) return null;
    const key = cacheKey(modelKey, usable);
    const cached = this.models.get(key);
    if (cached) {
      this.models.delete(key);
      this.models.set(key, cached);
      return cached;
    }
    const model = trainIntentModel(usable);
    this.trainedCount += 1;
    this.models.set(key, model);
    if (this.models.size > CACHE_LIMIT) this.models.delete(this.models.keys().next().value as string);
    return model;
  }
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
