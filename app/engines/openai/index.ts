import { OpenAIIntentClassifier } from "./intent-classifier";
import { OpenAIKnowledgeRetriever } from "./knowledge-retriever";
import { OpenAISummarizer } from "./summarizer";
import type { OpenAIEngineConfig } from "./config";
import type { KnowledgeIndex } from "../local/knowledge-index";
import type { LocalIntentClassifier } from "../local/intent-classifier";
import type { LocalKnowledgeRetriever } from "../local/knowledge-retriever";
import type { Engines, Summarizer } from "../types";

export { readOpenAIConfig, type OpenAIEngineConfig } from "./config";
export { OpenAIIntentClassifier, OpenAIKnowledgeRetriever, OpenAISummarizer };

/** OpenAI engines, each wrapping the local one it falls back to. */
export function createOpenAIEngines(
  config: OpenAIEngineConfig,
  local: { intents: LocalIntentClassifier; knowledge: LocalKnowledgeRetriever; summarizer: Summarizer },
  loadIndex: () => Promise<KnowledgeIndex>,
): Engines {
  return {
    intents: new OpenAIIntentClassifier(config, local.intents),
    knowledge: new OpenAIKnowledgeRetriever(config, local.knowledge, loadIndex),
    summarizer: new OpenAISummarizer(config, local.summarizer),
  };
}
