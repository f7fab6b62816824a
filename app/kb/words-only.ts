import type { KnowledgeIndex } from "~/engines/local/knowledge-index";

/**
 * Why the local engine ranked on words alone, or null when it used the articles' sentence vectors
 * too. "warming": the vectors are still being built (for a minute or more after a start or an
 * import) — the confidences are rough meanwhile, and several articles can show the same one, so
 * the page says so instead of letting a lead tune on them. "slow": the sentence encoder did not
 * answer within BATON_EMBEDDING_DEADLINE_MS (loading or busy), as a customer's turn would meet it.
 * "unavailable": semantic search is off or the articles are not in English, for good.
 */
export type WordsOnlyReason = "warming" | "slow" | "unavailable" | null;

/** `missedDeadline`: whether this request gave up waiting for the encoder (embedding-deadline.server.ts's missedEmbeddingDeadline). */
export async function readWordsOnlyReason(index: KnowledgeIndex, question: string, semanticSearch: boolean, missedDeadline: () => boolean = () => false): Promise<WordsOnlyReason> {
  if (!semanticSearch || index.language !== "en") return "unavailable";
  if (index.size === 0) return null;
  if ((await index.similarities(question, index.ids())) !== null) return null;
  return missedDeadline() ? "slow" : "warming";
}
