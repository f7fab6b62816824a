/**
 * Answer quality of the extractive KB answer, on hand-labelled questions (bench/data/kb-answers.json
 * says how they were labelled): how often the passage shown to the customer contains the answer.
 * Two views: given the labelled article (passage choice alone), and end to end (the index's
 * best article and its passage — what LocalKnowledgeRetriever.answer shows a customer). Each against the selector Baton had
 * before issue #4 on the same index, plus how many answers start mid-sentence and their length.
 */
import { z } from "zod";
import { selectPassageBeforeIssue4 } from "./kb-answer-baseline";
import type { KnowledgeIndex, IndexedArticle } from "../local/knowledge-index";
import { selectPassage } from "../local/passage";

export const AnswerLabelsSchema = z.object({
  about: z.union([z.string(), z.array(z.string())]),
  items: z
    .array(
      z.object({
        question: z.string().min(1),
        articleId: z.string().min(1),
        split: z.enum(["dev", "test"]),
        /** Acceptable answers; each is a list of spans that must all be in the passage. */
        answers: z.array(z.array(z.string().min(1)).min(1)).min(1),
      }),
    )
    .min(1),
});
export type AnswerLabel = z.infer<typeof AnswerLabelsSchema>["items"][number];

type Selector = (article: IndexedArticle, question: string) => string;
type Rate = { contained: number; of: number; rate: number };
export type AnswerMetrics = {
  givenArticle: Record<"all" | "dev" | "test", Rate>;
  endToEnd: Record<"all" | "dev" | "test", Rate>;
  /** Answers whose first word is the middle of a sentence ("gift cards come in…", "00 (next business day)…"). */
  startsMidSentence: number;
  meanChars: number;
};

/** Case, accents, punctuation and layout folded away: "Account → Orders" matches "account orders". */
function fold(text: string): string {
  return ` ${text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
}

export function containsAnswer(passage: string, answers: string[][]): boolean {
  const folded = fold(passage);
  return answers.some((spans) => spans.every((span) => folded.includes(fold(span))));
}

function startsMidSentence(passage: string, articleText: string): boolean {
  const start = passage.replace(/^(?:\d+\.|•)\s+/, "");
  const firstWord = start.match(/^\S+/)?.[0] ?? "";
  // A lower-case start, or digits that were the cents of a price ("$8.00" cut after "8.").
  return /^\p{Ll}/u.test(start) || (/^\d/.test(firstWord) && articleText.includes(`.${firstWord.replace(/\D.*$/, "")}`));
}

function rate(results: Array<{ split: string; ok: boolean }>, split?: string): Rate {
  const picked = split ? results.filter((result) => result.split === split) : results;
  const contained = picked.filter((result) => result.ok).length;
  return { contained, of: picked.length, rate: picked.length ? Math.round((contained / picked.length) * 10_000) / 10_000 : 0 };
}

function measure(index: KnowledgeIndex, labels: AnswerLabel[], select: Selector): AnswerMetrics {
  const given: Array<{ split: string; ok: boolean }> = [];
  const endToEnd: Array<{ split: string; ok: boolean }> = [];
  let midSentence = 0;
  let chars = 0;
  for (const label of labels) {
    const article = index.get(label.articleId);
    if (!article) throw new Error(`question ${JSON.stringify(label.question)} points to unknown article ${label.articleId}`);
    const passage = select(article, label.question);
    given.push({ split: label.split, ok: containsAnswer(passage, label.answers) });
    if (startsMidSentence(passage, article.text)) midSentence += 1;
    chars += passage.length;
    const [best] = index.query(label.question, { limit: 1 });
    const served = best ? index.get(best.id) : undefined;
    endToEnd.push({ split: label.split, ok: served?.id === label.articleId && containsAnswer(select(served, label.question), label.answers) });
  }
  return {
    givenArticle: { all: rate(given), dev: rate(given, "dev"), test: rate(given, "test") },
    endToEnd: { all: rate(endToEnd), dev: rate(endToEnd, "dev"), test: rate(endToEnd, "test") },
    startsMidSentence: midSentence,
    meanChars: Math.round(chars / Math.max(1, labels.length)),
  };
}

/** The passages each selector chose, for reading examples (bench output, not the JSON line). */
export function answerExamples(index: KnowledgeIndex, labels: AnswerLabel[]) {
  return labels.map((label) => {
    const article = index.get(label.articleId)!;
    const weight = (term: string) => index.termWeight(term);
    return {
      question: label.question,
      split: label.split,
      before: selectPassageBeforeIssue4(article.text, label.question, weight),
      after: selectPassage(article.outline, label.question, weight),
    };
  });
}

export function evaluateAnswers(index: KnowledgeIndex, labels: AnswerLabel[]) {
  const weight = (term: string) => index.termWeight(term);
  const baton = measure(index, labels, (article, question) => selectPassage(article.outline, question, weight));
  const before = measure(index, labels, (article, question) => selectPassageBeforeIssue4(article.text, question, weight));
  return { questions: labels.length, baton, beforeIssue4: before };
}
