/**
 * The passage selector Baton had before issue #4, kept only as the "before" column of the
 * answer-quality evaluation (like the plain BM25 baseline of retrieval): the article's plain
 * text split into sentences at every ".", "!" or "?" followed by a space — which also cuts
 * "Threads & Co. gift cards" and "$8.00" — then the one-to-three-sentence window of one
 * paragraph that covers the most IDF-weighted query terms. Not used to answer customers.
 */
import { splitParagraphs } from "../local/markdown";
import { indexTerms } from "../local/text";

const MAX_WINDOW_SENTENCES = 3;
const MAX_PASSAGE_CHARS = 600;

function splitAtPunctuation(paragraph: string): string[] {
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [paragraph];
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== "");
}

export function selectPassageBeforeIssue4(plainText: string, query: string, termWeight: (term: string) => number): string {
  const queryTerms = new Set(indexTerms(query));
  const paragraphs = splitParagraphs(plainText).map((sentences) => splitAtPunctuation(sentences.join(" ")));
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
        score -= size * 0.01;
        if (score > best.score) best = { text, score };
      }
    }
  }
  const fallback = paragraphs[0]?.join(" ") ?? plainText;
  const chosen = best.score > 0 ? best.text : fallback;
  return chosen.length > MAX_PASSAGE_CHARS ? `${chosen.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…` : chosen;
}
