/**
 * The extractive answer: the window of one to three consecutive sentences (inside one
 * paragraph) of the article that covers the most of the question's content words, weighted by
 * their specificity; ties go to the shorter and earlier window. Shown to the customer verbatim,
 * so it is always text the support lead wrote.
 */
import { splitParagraphs } from "./markdown";
import { indexTerms } from "./knowledge-index";

const MAX_WINDOW_SENTENCES = 3;
const MAX_PASSAGE_CHARS = 600;

export function selectPassage(plainText: string, query: string, termWeight: (term: string) => number = () => 1): string {
  const queryTerms = new Set(indexTerms(query));
  const paragraphs = splitParagraphs(plainText);
  let best = { text: "", score: -1 };
  for (const sentences of paragraphs) {
    const sentenceTerms = sentences.map((sentence) => new Set(indexTerms(sentence)));
    for (let start = 0; start < sentences.length; start++) {
      const covered = new Set<string>();
      for (let size = 1; size <= MAX_WINDOW_SENTENCES && start + size <= sentences.length; size++) {
        for (const term of sentenceTerms[start + size - 1]) if (queryTerms.has(term)) covered.add(term);
        const text = sentences.slice(start, start + size).join(" ");
        if (size > 1 && text.length > MAX_PASSAGE_CHARS) break;
        let score = 0;
        for (const term of covered) score += termWeight(term);
        // A small length penalty: prefer the tightest window that covers the same words.
        score -= size * 0.01;
        if (score > best.score) best = { text, score };
      }
    }
  }
  const fallback = paragraphs[0]?.join(" ") ?? plainText;
  const chosen = best.score > 0 ? best.text : fallback;
  return chosen.length > MAX_PASSAGE_CHARS ? `${chosen.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…` : chosen;
}
