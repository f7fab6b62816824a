import { LocalIntentClassifier } from "./intent-classifier";
import { LocalKnowledgeRetriever } from "./knowledge-retriever";
import { LocalSummarizer } from "./summarizer";
import type { KnowledgeIndex } from "./knowledge-index";
import type { SentenceEncoder } from "./sentence-encoder.server";
import type { SentenceVectorStore } from "./sentence-vector-store";
import type { Engines } from "../types";

export { LocalIntentClassifier, LocalKnowledgeRetriever, LocalSummarizer };
export { KnowledgeIndex, type KnowledgeArticle } from "./knowledge-index";

export type LocalEngines = Engines & { intents: LocalIntentClassifier; knowledge: LocalKnowledgeRetriever };

/**
 * `encoder`: sentence vectors for the intent classifier (null: lexical evidence alone);
 * `vectorStore`: where its example phrases' vectors are kept across restarts.
 */
export function createLocalEngines(loadIndex: () => Promise<KnowledgeIndex>, encoder: SentenceEncoder | null = null, vectorStore: SentenceVectorStore | null = null): LocalEngines {
  return {
    intents: new LocalIntentClassifier(encoder, undefined, vectorStore),
    knowledge: new LocalKnowledgeRetriever(loadIndex),
    summarizer: new LocalSummarizer(),
  };
}
