/**
 * The engines the runtime uses. Local (embedded, no network) by default; when OPENAI_API_KEY
 * is set, the OpenAI-backed engines answer and fall back to the local ones on any error.
 */
import { createLocalEngines } from "./local";
import { getKnowledgeIndex } from "./knowledge-store.server";
import type { Engines } from "./types";

export { refreshArticle, removeArticle, reloadKnowledgeIndex } from "./knowledge-store.server";

let engines: Engines | null = null;

export function getEngines(): Engines {
  engines ??= createLocalEngines(getKnowledgeIndex);
  return engines;
}
