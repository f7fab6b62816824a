import { LocalIntentClassifier } from "./intent-classifier";
import { LocalKnowledgeRetriever } from "./knowledge-retriever";
import { LocalSummarizer } from "./summarizer";
import type { KnowledgeIndex } from "./knowledge-index";
import type { SentenceEncoder } from "./sentence-encoder.server";
import type { Engines } from "../types";

export { LocalIntentClassifier, LocalKnowledgeRetriever, LocalSummarizer };
export { KnowledgeIndex, type KnowledgeArticle } from "./knowledge-index";

export type LocalEngines = Engines & { intents: LocalIntentClassifier; knowledge: LocalKnowledgeRetriever };

/** `encoder`: sentence vectors for the intent classifier (null: lexical evidence alone). */
export function createLocalEngines(loadIndex: () => Promise<KnowledgeIndex>, encoder: SentenceEncoder | null = null): LocalEngines {
  return {
    intents: new LocalIntentClassifier(encoder),
    knowledge: new LocalKnowledgeRetriever(loadIndex),
    summarizer: new LocalSummarizer(),
  };
}
