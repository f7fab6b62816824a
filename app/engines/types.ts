/**
 * The answering engines the runtime talks to. The embedded (local) implementations and the
 * OpenAI ones implement the same interfaces; the runtime never knows which one answers.
 * Scores and confidences are always in 0..1 so node thresholds (`threshold`, `minScore`)
 * mean the same with either engine. A KB answer's `score` (and a retrieved article's) is a
 * calibrated probability that the article answers the question (app/engines/local/knowledge-ranker.ts).
 */
import type { OfferAnswer } from "~/vocabulary/offer-answers";

export type IntentDefinition = { name: string; examples: string[] };

export type RankedIntent = { name: string; confidence: number };

export type IntentPrediction = {
  /** The best intent, or null when the classifier decides "none of these" (out of scope). */
  intent: string | null;
  /** Confidence of `intent` (or of the best candidate when `intent` is null), 0..1. */
  confidence: number;
  ranked: RankedIntent[];
  /** Set when a remote engine failed and the local engine answered instead. */
  fallback?: { engine: string; error: string };
};

export interface IntentClassifier {
  /**
   * Classifies `text` among `intents`. `modelKey` identifies the intent set (e.g. a flow
   * version + node id, or a hash of the examples) so training is cached and redone only when
   * the examples change.
   */
  classify(input: {
    modelKey: string;
    intents: IntentDefinition[];
    text: string;
    /** The node's threshold: below it `intent` is null ("none of these"). Without it, the caller compares `confidence`. */
    threshold?: number;
  }): Promise<IntentPrediction>;
}

export type ArticleRef = { id: string; slug: string; title: string };

/** `matchedExample`: the article's example question that drove the match (local engine, with sentence vectors). */
export type RetrievedArticle = ArticleRef & { score: number; tags: string[]; matchedExample?: string };

export type KbAnswer = {
  article: ArticleRef;
  /** The answer shown to the customer (an extractive passage, or a grounded LLM answer). */
  text: string;
  score: number;
  /** Every article the answer relies on; the first is the one shown as the source. */
  citations: ArticleRef[];
  fallback?: { engine: string; error: string };
};

/**
 * An article the customer may pick when no answer reached `minScore` ("These articles might
 * help"): its calibrated confidence, and the answer it gives if picked (the same extractive
 * passage a confident answer from it would show).
 */
export type KbSuggestion = ArticleRef & { confidence: number; text: string };

/**
 * Nothing reached `minScore`, but these articles came close (best first, never empty) — except in
 * the runtime, where an empty list carries the `fallback` of a lookup that found nothing on words
 * alone because the encoder missed the turn's deadline (embedding-deadline.server.ts).
 */
export type KbSuggestions = { suggestions: KbSuggestion[]; fallback?: { engine: string; error: string } };

export type KbAnswerInput = { query: string; tags?: string[]; minScore: number };

export interface KnowledgeRetriever {
  search(input: { query: string; tags?: string[]; limit?: number }): Promise<RetrievedArticle[]>;
  /**
   * The best answer with its source, or null when nothing reaches `minScore`. Asked to `suggest`,
   * below minScore it returns the few articles that came close instead, or null when none did
   * (app/engines/local/knowledge-suggestions.ts chooses them). Callers that do not ask keep the
   * plain answer-or-null type.
   */
  answer(input: KbAnswerInput & { suggest: boolean }): Promise<KbAnswer | KbSuggestions | null>;
  answer(input: KbAnswerInput): Promise<KbAnswer | null>;
}

export type TranscriptLine = { role: "customer" | "bot" | "agent" | "system"; text: string };

export type SummaryInput = {
  transcript: TranscriptLine[];
  fields: Record<string, string | number>;
  intent: { name: string; confidence: number } | null;
  /** What the bot already tried: articles answered with, articles offered (the one picked, by id, or how the customer answered instead), questions asked. */
  tried: { articlesShown: ArticleRef[]; articlesOffered?: { articles: ArticleRef[]; pickedId: string | null; answer?: OfferAnswer | null }[]; questionsAsked: string[] };
  reason: string;
};

export interface Summarizer {
  summarize(input: SummaryInput): Promise<{ text: string; fallback?: { engine: string; error: string } }>;
}

export type Engines = {
  intents: IntentClassifier;
  knowledge: KnowledgeRetriever;
  summarizer: Summarizer;
};
