/**
 * The engines the runtime uses. Local (embedded, no network) by default; when OPENAI_API_KEY
 * is set, OpenAI-backed engines answer and each falls back to its local twin on any error or
 * timeout, setting `fallback` on the result (the runtime records it as `engine.fallback`).
 */
import { createLocalEngines, LocalIntentClassifier, type LocalEngines } from "./local";
import { createOpenAIEngines, readOpenAIConfig, type OpenAIEngineConfig } from "./openai";
import { getKnowledgeIndex } from "./knowledge-store.server";
import { getSentenceEncoder } from "./local/sentence-encoder.server";
import { getSentenceVectorStore } from "./sentence-vector-store.server";
import type { Engines, IntentDefinition, KnowledgeRetriever } from "./types";

export { refreshArticle, removeArticle, reloadKnowledgeIndex } from "./knowledge-store.server";

let local: LocalEngines | null = null;
let engines: Engines | null = null;
let openaiConfig: OpenAIEngineConfig | null | undefined;

function getOpenAIConfig(): OpenAIEngineConfig | null {
  if (openaiConfig === undefined) openaiConfig = readOpenAIConfig();
  return openaiConfig;
}

function getLocalEngines(): LocalEngines {
  // The encoder's worker starts on the first embedding, i.e. only for flows with intent steps.
  // Published flows' example phrases keep their vectors in the database (the builder's tester below does not: drafts change with every keystroke).
  local ??= createLocalEngines(getKnowledgeIndex, getSentenceEncoder(), getSentenceVectorStore());
  return local;
}

export function getEngines(): Engines {
  if (engines) return engines;
  const openai = getOpenAIConfig();
  engines = openai ? createOpenAIEngines(openai, getLocalEngines(), getKnowledgeIndex) : getLocalEngines();
  return engines;
}

/**
 * Both knowledge answerers, for the knowledge base's "Try it" page: the embedded one always, the
 * OpenAI one (the same instance the runtime uses) only when OPENAI_API_KEY is set.
 */
export function getKnowledgeRetrievers(): { local: KnowledgeRetriever; openai: { retriever: KnowledgeRetriever; model: string } | null } {
  const config = getOpenAIConfig();
  return { local: getLocalEngines().knowledge, openai: config ? { retriever: getEngines().knowledge, model: config.model } : null };
}

/**
 * Trains the local intent models of a flow version (called when it is published or compiled)
 * and starts embedding their example phrases, so the first customer message is classified, not
 * trained on. With OpenAI on, these are the
 * models that answer when the API fails. A model that cannot be trained is left to the first
 * message (which then reports the error through the flow): publishing never fails on it.
 */
export function warmIntentModels(models: { modelKey: string; intents: IntentDefinition[] }[]): void {
  const classifier = getLocalIntentClassifier();
  for (const { modelKey, intents } of models) {
    try {
      classifier.warm(modelKey, intents);
    } catch (error) {
      console.warn(`[engines] could not train intent model ${modelKey} ahead of use:`, error);
    }
  }
}

let tester: LocalIntentClassifier | null = null;

/** A separate embedded classifier for the builder's "test phrases" box (drafts change with every keystroke). */
export function getIntentTester(): LocalIntentClassifier {
  tester ??= new LocalIntentClassifier(getSentenceEncoder());
  return tester;
}

/** The embedded classifier (also the OpenAI classifier's fallback). */
export function getLocalIntentClassifier(): LocalIntentClassifier {
  return getLocalEngines().intents;
}
