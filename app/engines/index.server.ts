/**
 * The engines the runtime uses. Local (embedded, no network) by default; when OPENAI_API_KEY
 * is set, OpenAI-backed engines answer and each falls back to its local twin on any error or
 * timeout, setting `fallback` on the result (the runtime records it as `engine.fallback`).
 */
import { createLocalEngines, type LocalEngines } from "./local";
import { createOpenAIEngines, readOpenAIConfig, type OpenAIEngineConfig } from "./openai";
import { getKnowledgeIndex } from "./knowledge-store.server";
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
  local ??= createLocalEngines(getKnowledgeIndex);
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
 * Trains a node's local intent model ahead of its first message (call when a flow version is
 * compiled or published). With OpenAI on, it is the model that answers when the API fails.
 */
export function warmIntentModel(modelKey: string, intents: IntentDefinition[]): void {
  getLocalEngines().intents.warm(modelKey, intents);
}
