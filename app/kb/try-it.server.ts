/**
 * "Try it": what the bot would do with a customer's question — the articles retrieval finds with
 * their 0..1 scores, and the answer each engine would give — under the settings (tags, minimum
 * score) of the whole knowledge base or of one KB node of a published flow. Nothing is recorded:
 * no conversation, no events, so trying questions never shows up in the usage counts.
 */
import { getKnowledgeRetrievers } from "~/engines/index.server";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { getEnv } from "~/utils/env.server";
import type { KbAnswer, KnowledgeRetriever, RetrievedArticle } from "~/engines/types";
import type { TryItScope } from "./kb-nodes.server";
import { readWordsOnlyReason, type WordsOnlyReason } from "./words-only";

export { listTryItScopes, WHOLE_KB_SCOPE, type TryItScope } from "./kb-nodes.server";

export const TRY_LIMIT = 5;

export type EngineOutcome = { answer: KbAnswer | null; milliseconds: number; error: string | null };
export type TryItResult = {
  retrieved: Array<RetrievedArticle & { reachesMinScore: boolean }>;
  wordsOnly: WordsOnlyReason;
  local: EngineOutcome;
  /** null when OpenAI is not configured. */
  openai: (EngineOutcome & { model: string }) | null;
};

async function timed(run: () => Promise<KbAnswer | null>): Promise<EngineOutcome> {
  const started = performance.now();
  try {
    const answer = await run();
    return { answer, milliseconds: Math.round(performance.now() - started), error: null };
  } catch (error) {
    return { answer: null, milliseconds: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

export async function tryQuestion(question: string, scope: TryItScope): Promise<TryItResult> {
  const { local, openai } = getKnowledgeRetrievers();
  const input = { query: question, tags: scope.tags, minScore: scope.minScore };
  const retrieved = await local.search({ query: question, tags: scope.tags, limit: TRY_LIMIT });
  const answerWith = (retriever: KnowledgeRetriever) => timed(() => retriever.answer(input));
  const [localOutcome, openaiOutcome, wordsOnly] = await Promise.all([
    answerWith(local),
    openai ? answerWith(openai.retriever) : Promise.resolve(null),
    getWordsOnlyReason(question),
  ]);
  return {
    retrieved: retrieved.map((article) => ({ ...article, reachesMinScore: article.score >= scope.minScore })),
    wordsOnly,
    local: localOutcome,
    openai: openai && openaiOutcome ? { ...openaiOutcome, model: openai.model } : null,
  };
}

/** Asked after the search, with the same question: its vector is cached, so this costs no second embedding. */
async function getWordsOnlyReason(question: string): Promise<WordsOnlyReason> {
  return readWordsOnlyReason(await getKnowledgeIndex(), question, getEnv().BATON_SEMANTIC_SEARCH === "on");
}
