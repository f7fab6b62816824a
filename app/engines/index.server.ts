/**
 * The engines the runtime uses. Local (embedded, no network) by default; when OPENAI_API_KEY
 * is set, OpenAI-backed engines answer and each falls back to its local twin on any error or
 * timeout, setting `fallback` on the result (the runtime records it as `engine.fallback`).
 */
import { createLocalEngines, type LocalEngines } from "./local";
import { createOpenAIEngines, readOpenAIConfig } from "./openai";
import { getKnowledgeIndex } from "./knowledge-store.server";
import type { Engines, IntentDefinition } from "./types";

export { refreshArticle, removeArticle, reloadKnowledgeIndex } from "./knowledge-store.server";

let local: LocalEngines | null = null;
let engines: Engines | null = null;

function getLocalEngines(): LocalEngines {
  local ??= createLocalEngines(getKnowledgeIndex);
  return local;
}

export function getEngines(): Engines {
  if (engines) return engines;
  const openai = readOpenAIConfig();
  engines = openai ? createOpenAIEngines(openai, getLocalEngines(), getKnowledgeIndex) : getLocalEngines();
  return engines;
}

/**
 * Trains a node's local intent model ahead of its first message (call when a flow version is
 * compiled or published). With OpenAI on, it is the model that answers when the API fails.
 */
export function warmIntentModel(modelKey: string, intents: IntentDefinition[]): void {
  getLocalEngines().intents.warm(modelKey, intents);
}
