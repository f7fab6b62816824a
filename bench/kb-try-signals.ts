/**
 * Signals tried as extra reranker features without touching the engine (issue 15, 2026-12-07):
 * `KB_TRY=name,name npx tsx bench/fit-kb-confidence.ts --dry-run` appends each named signal of
 * every candidate, and its gap to the best other article's, to the reranker's features, and
 * prints the out-of-fold figures (and kb-breakdown.json) with them. Tried and not kept (README,
 * KB benchmark paragraphs): exact, missingKey, missingKnown, meaningMissingKey,
 * meaningMissingMin, passageCount, top3Mean, questionCue.
 *   exact: the IDF-weighted share of the question's stems the article has exactly;
 *   missingKey / missingKnown: the IDF weight (÷ the question's highest) of the most specific
 *     question stem the article lacks (of those some article has, for missingKnown);
 *   meaningMissingKey / meaningMissingMin: for the question's content words the article lacks,
 *     the best cosine of the word alone with one of the article's passages (the most specific
 *     missing word's / the lowest): "does the article talk about it even by another word";
 *   passageCount: log(1 + the article's passages); top3Mean: its three best passages' mean cosine;
 *   questionCue: the best cosine with the article's question-form cues (bench/question-cues-explore.ts:
 *     "<heading>?", "How do I <heading>?", "how long does <row> take?"), embedded once per article
 *     (needs the encoder).
 */
import { contentTokens, type KnowledgeIndex } from "~/engines/local/knowledge-index";
import type { QuestionEvidence } from "~/engines/local/knowledge-ranker";
import { cosine, type SentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { stem } from "~/engines/local/text";
import { questionFormCues } from "./question-cues-explore";

/** The signals named in KB_TRY, in the order they are appended. */
export const TRY = (process.env.KB_TRY ?? "").split(",").filter(Boolean);
/** Each article's question-form cue vectors, by id (the same article text in every condition of the fit). */
const questionCueVectors = new Map<string, Float32Array[]>();

/** The question's best cosine with each article's question-form cues. */
async function questionCueCosines(index: KnowledgeIndex, encoder: SentenceEncoder, question: string, ids: string[]): Promise<Map<string, number>> {
  for (const id of ids) {
    if (questionCueVectors.has(id)) continue;
    const article = index.get(id)!;
    questionCueVectors.set(id, await encoder.embed(questionFormCues(article)));
  }
  const [vector] = await encoder.embed([question]);
  return new Map(ids.map((id) => [id, Math.max(...questionCueVectors.get(id)!.map((cue) => cosine(vector, cue)))]));
}

/** Each article of the evidence: its tried signals, in TRY order. */
export async function trySignals(index: KnowledgeIndex, question: string, evidence: QuestionEvidence, encoder?: SentenceEncoder): Promise<number[][]> {
  const terms = index.weightedTerms(question);
  // By meaning: each content word alone, its best cosine with one of each article's passages.
  const tokens = [...new Set(contentTokens(question))];
  const needsMeaning = TRY.some((name) => name.startsWith("meaning"));
  const ids = evidence.articles.map((article) => article.id);
  const wordCosines = needsMeaning ? await Promise.all(tokens.map(async (token) => ({ token, stem: stem(token), weight: index.termWeight(stem(token)), byArticle: (await index.similarities(token, ids))! }))) : [];
  const questionCosines = TRY.some((name) => name === "passageCount" || name === "top3Mean") ? await index.similarities(question, ids) : null;
  const missingWords = (id: string) => wordCosines.filter((word) => index.exactCoverage(id, [{ term: word.stem, weight: 1 }]).matched === 0);
  const questionCues = TRY.includes("questionCue") ? await questionCueCosines(index, encoder!, question, ids) : null;
  const top = Math.max(1e-9, ...terms.map((term) => term.weight));
  const unknownWeight = Math.log(1 + (index.ids().length + 1) / 0.5) - 1e-9;
  return evidence.articles.map((article) =>
    TRY.map((name) => {
      if (name === "exact") return article.words.exact;
      if (name === "missingKey") return Math.max(0, ...terms.filter((term) => index.exactCoverage(article.id, [term]).matched === 0).map((term) => term.weight / top));
      if (name === "missingKnown") return Math.max(0, ...terms.filter((term) => index.exactCoverage(article.id, [term]).matched === 0 && index.termWeight(term.term) < unknownWeight).map((term) => term.weight / top));
      if (name === "passageCount") return Math.log1p(questionCosines!.get(article.id)!.passages.length);
      if (name === "top3Mean") {
        const top3 = [...questionCosines!.get(article.id)!.passages].sort((x, y) => y - x).slice(0, 3);
        return top3.reduce((sum, value) => sum + value, 0) / Math.max(1, top3.length);
      }
      if (name === "questionCue") return questionCues!.get(article.id)!;
      if (name === "meaningMissingMin") return Math.min(1, ...missingWords(article.id).map((word) => word.byArticle.get(article.id)!.best));
      if (name === "meaningMissingKey") {
        const key = missingWords(article.id).sort((x, y) => y.weight - x.weight)[0];
        return key ? key.byArticle.get(article.id)!.best : 1;
      }
      throw new Error(`unknown KB_TRY signal ${name}`);
    }),
  );
}

/** The tried signals of each candidate, and each one's gap to the best other article's, after the base features. */
export function withTried(evidence: QuestionEvidence, extra: number[][], ids: string[], base: number[][]): number[][] {
  const position = new Map(evidence.articles.map((article, i) => [article.id, i]));
  return ids.map((id, j) => {
    const own = extra[position.get(id)!];
    const gaps = own.map((value, s) => value - Math.max(...extra.filter((_, i) => i !== position.get(id)).map((row) => row[s])));
    return [...base[j], ...own, ...gaps];
  });
}
