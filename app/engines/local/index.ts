import { LocalIntentClassifier } from "./intent-classifier";
import { LocalKnowledgeRetriever } from "./knowledge-retriever";
import { LocalSummarizer } from "./summarizer";
import type { KnowledgeIndex } from "./knowledge-index";
import type { Engines } from "../types";

export { LocalIntentClassifier, LocalKnowledgeRetriever, LocalSummarizer };
export { KnowledgeIndex, type KnowledgeArticle } from "./knowledge-index";

export type LocalEngines = Engines & { intents: LocalIntentClassifier; knowledge: LocalKnowledgeRetriever };

export function createLocalEngines(loadIndex: () => Promise<KnowledgeIndex>): LocalEngines {
  return {
    intents: new LocalIntentClassifier(),
    knowledge: new LocalKnowledgeRetriever(loadIndex),
    summarizer: new LocalSummarizer(),
  };
}
