/**
 * "Try it": what the bot would do with a customer's question — the articles retrieval finds with
 * their 0..1 scores, and the answer each engine would give — under the settings (tags, minimum
 * score, offering articles when unsure) of the whole knowledge base or of one KB node of a
 * published flow. Below the minimum the engines are asked exactly as a KB step asks them
 * (`suggest`), so an unsure answer shows the articles the customer would be offered. Nothing is
 * recorded: no conversation, no events, so trying questions never shows up in the usage counts.
 */
import { missedEmbeddingDeadline, runWithEmbeddingDeadline } from "~/engines/embedding-deadline.server";
import { getKnowledgeRetrievers } from "~/engines/index.server";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { getEnv } from "~/utils/env.server";
import { phrasesFor } from "~/nodes/shared/phrases";
import type { KbAnswer, KbSuggestions, KnowledgeRetriever } from "~/engines/types";
import type { TryItScope } from "./kb-nodes.server";
import { listOfferedArticles, listTriedArticles, type OfferedArticle, type TriedArticle } from "./try-it-list";
import { readWordsOnlyReason, type WordsOnlyReason } from "./words-only";

export { listTryItScopes, WHOLE_KB_SCOPE, type TryItScope } from "./kb-nodes.server";

export const TRY_LIMIT = 5;

/** What the customer reads when the step is unsure: its line, a button per article, and the way to say none fits. */
export type SuggestionOffer = { text: string; none: string; articles: OfferedArticle[]; fallback?: KbSuggestions["fallback"] };
/** `answer` when an article reaches the minimum; else `offer` when the step would offer articles; else neither (“No answer found”). */
export type EngineOutcome = { answer: KbAnswer | null; offer: SuggestionOffer | null; milliseconds: number; error: string | null };
export type TryItResult = {
  /** Best first; on words alone only the first has a confidence (try-it-list.ts). */
  retrieved: TriedArticle[];
  wordsOnly: WordsOnlyReason;
  local: EngineOutcome;
  /** null when OpenAI is not configured. */
  openai: (EngineOutcome & { model: string }) | null;
};

async function timed(run: () => Promise<KbAnswer | KbSuggestions | null>, phrases: { text: string; none: string }): Promise<EngineOutcome> {
  const started = performance.now();
  try {
    const output = await run();
    const milliseconds = Math.round(performance.now() - started);
    if (output && "suggestions" in output) return { answer: null, offer: { ...phrases, articles: output.suggestions, fallback: output.fallback }, milliseconds, error: null };
    return { answer: output, offer: null, milliseconds, error: null };
  } catch (error) {
    return { answer: null, offer: null, milliseconds: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** Under a customer's turn's embedding deadline: a slow encoder shows here as it would in a chat. */
export function tryQuestion(question: string, scope: TryItScope): Promise<TryItResult> {
  return runWithEmbeddingDeadline(() => tryWithinDeadline(question, scope));
}

async function tryWithinDeadline(question: string, scope: TryItScope): Promise<TryItResult> {
  const { local, openai } = getKnowledgeRetrievers();
  // The same input a KB step's `answerFromKb` gets (app/nodes/kb/compile.ts), and its phrases in the flow's language.
  const input = { query: question, tags: scope.tags, minScore: scope.minScore, suggest: scope.offerSuggestions };
  const phrases = phrasesFor(scope.locale ?? undefined);
  const retrieved = await local.search({ query: question, tags: scope.tags, limit: TRY_LIMIT });
  const answerWith = (retriever: KnowledgeRetriever) => timed(() => retriever.answer(input), { text: phrases.kbSuggest, none: phrases.kbNoneOfThese });
  const [localOutcome, openaiOutcome, wordsOnly] = await Promise.all([
    answerWith(local),
    openai ? answerWith(openai.retriever) : Promise.resolve(null),
    getWordsOnlyReason(question),
  ]);
  return {
    retrieved: listTriedArticles(retrieved, wordsOnly, scope.minScore),
    wordsOnly,
    // The local engine's figures are the words-only ones then; OpenAI's are its own.
    local: localOutcome.offer ? { ...localOutcome, offer: { ...localOutcome.offer, articles: listOfferedArticles(localOutcome.offer.articles, wordsOnly) } } : localOutcome,
    openai: openai && openaiOutcome ? { ...openaiOutcome, model: openai.model } : null,
  };
}

/** Asked after the search, with the same question: its vector is cached, so this costs no second embedding. */
async function getWordsOnlyReason(question: string): Promise<WordsOnlyReason> {
  return readWordsOnlyReason(await getKnowledgeIndex(), question, getEnv().BATON_SEMANTIC_SEARCH === "on", missedEmbeddingDeadline);
}
