/**
 * The extractive answer: the passage of the article that best answers the question, shown to the
 * customer verbatim (always text the support lead wrote). Candidates are windows of whole units
 * of one block of the article's outline — one to three sentences of a paragraph, bullets or
 * table rows, one to three steps or a whole numbered procedure — so an answer never starts
 * mid-sentence and a procedure is not cut in two.
 *
 * A candidate scores the share of the question's content words it covers, each weighted by its
 * IDF over the knowledge base (so "password" counts more than "account"); a word of the
 * section's heading (the article's title for its opening) counts as covered too, because the
 * heading says what everything under it is about: "Reset it yourself" covers "reset".
 * Then small preferences break near-ties the way a support agent would: the unit that opens
 * the section the question is about, steps for a "how do I…" question, an amount for "how
 * much", a duration or a time for "how long" / "when"; and the tighter window of equal cover.
 */
import type { ArticleOutline, OutlineBlock, OutlineSection, OutlineUnit } from "./article-outline";
import { AMOUNT, answerTypeOf, TIME, type AnswerType } from "./knowledge-answer-type";
import { QUERY_FILLER } from "./knowledge-index";
import { indexTerms } from "./text";

export const MAX_PASSAGE_CHARS = 600;
// A lone short sentence rarely answers on its own ("We accept credit cards, debit cards and
// PayPal."): it is completed with the sentences after it in its paragraph, up to about this.
const MIN_ANSWER_CHARS = 140;
const MAX_WINDOW_UNITS = 3;
const SECTION_START_BONUS = 0.1;
const ANSWER_TYPE_BONUS = 0.15;
const EXTRA_UNIT_PENALTY = 0.02;

// Question words say what kind of answer is wanted (see AnswerType), not what it is about.
const QUESTION_WORDS = new Set(["how", "where", "why", "much", "many"]);

type Candidate = { section: OutlineSection; block: OutlineBlock; from: number; to: number; leadIn: OutlineUnit | null; opensSection: boolean };
type Query = { weights: Map<string, number>; total: number; answerType: AnswerType };

function parseQuery(question: string, termWeight: (term: string) => number): Query {
  const weights = new Map<string, number>();
  for (const term of indexTerms(question)) {
    if (!QUESTION_WORDS.has(term) && !QUERY_FILLER.has(term)) weights.set(term, termWeight(term));
  }
  let total = 0;
  for (const weight of weights.values()) total += weight;
  return { weights, total, answerType: answerTypeOf(question) };
}

/** A list or table reads badly alone: the paragraph sentence that introduces it ("…contact us in chat:"), or else its heading. */
function leadInOf(section: OutlineSection, blockIndex: number): OutlineUnit | null {
  const block = section.blocks[blockIndex];
  if (block.kind === "sentences") return null;
  const previous = section.blocks[blockIndex - 1];
  const lastSentence = previous?.kind === "sentences" ? previous.units[previous.units.length - 1] : null;
  if (lastSentence?.text.endsWith(":")) return lastSentence;
  // The heading's words already count for every unit under it: shown, not scored again.
  const heading = /[?!:]$/.test(section.heading) ? section.heading : `${section.heading.replace(/\.$/, "")}:`;
  return blockIndex === 0 ? { text: heading, terms: new Set(), details: [], pointer: false } : null;
}

function* candidates(outline: ArticleOutline): Generator<Candidate> {
  for (const section of outline) {
    for (let blockIndex = 0; blockIndex < section.blocks.length; blockIndex++) {
      const block = section.blocks[blockIndex];
      const leadIn = leadInOf(section, blockIndex);
      // A sentence that introduces the list after it ("Have these ready:") is shown with that list, not alone.
      const next = section.blocks[blockIndex + 1];
      const introducesNext = next !== undefined && leadInOf(section, blockIndex + 1) === block.units[block.units.length - 1];
      const count = introducesNext ? block.units.length - 1 : block.units.length;
      // The section's first words: its first unit, or a list whose one-sentence lead-in opens the section.
      const startsSection = blockIndex === 0 || (blockIndex === 1 && leadIn !== null && section.blocks[0].units.length === 1 && leadIn === section.blocks[0].units[0]);
      const window = (from: number, to: number): Candidate => ({ section, block, from, to, leadIn, opensSection: startsSection && from === 0 });
      for (let from = 0; from < count; from++) {
        for (let to = from + 1; to <= Math.min(count, from + MAX_WINDOW_UNITS); to++) {
          if (block.units.slice(from, to).every((unit) => unit.pointer)) continue;
          yield window(from, to);
        }
      }
      // A numbered procedure is most useful whole.
      if (block.kind === "steps" && count > MAX_WINDOW_UNITS) yield window(0, count);
    }
  }
}

function unitLine(block: OutlineBlock, unit: OutlineUnit, index: number): string {
  if (block.kind === "sentences") return unit.text;
  const marker = block.kind === "steps" ? `${block.firstNumber + index}.` : "•";
  return [`${marker} ${unit.text}`, ...unit.details.map((detail) => `   – ${detail}`)].join("\n");
}

function renderCandidate({ block, from, to, leadIn }: Candidate): string {
  const units = block.units.slice(from, to);
  if (block.kind === "sentences") return units.map((unit) => unit.text).join(" ");
  const lines = units.map((unit, offset) => unitLine(block, unit, from + offset));
  return (leadIn ? [leadIn.text, ...lines] : lines).join("\n");
}

function scoreCandidate(candidate: Candidate, text: string, query: Query): number {
  const { section, block, from, to, leadIn } = candidate;
  const units = leadIn ? [leadIn, ...block.units.slice(from, to)] : block.units.slice(from, to);
  let covered = 0;
  let headingMatched = false;
  for (const [term, weight] of query.weights) {
    const inHeading = section.headingTerms.has(term);
    if (inHeading || units.some((unit) => unit.terms.has(term))) covered += weight;
    if (inHeading) headingMatched = true;
  }
  if (covered === 0) return 0;
  let score = covered / query.total;
  if (candidate.opensSection && headingMatched) score += SECTION_START_BONUS;
  if (answersType(candidate, text, query.answerType)) score += ANSWER_TYPE_BONUS;
  // Tighter windows win ties, but a whole procedure is one answer, not many extra units.
  return isWholeProcedure(candidate) ? score : score - EXTRA_UNIT_PENALTY * (to - from - 1);
}

function isWholeProcedure({ block, from, to }: Candidate): boolean {
  return block.kind === "steps" && from === 0 && to === block.units.length;
}

function answersType(candidate: Candidate, text: string, answerType: AnswerType): boolean {
  if (answerType === "procedure") return isWholeProcedure(candidate);
  if (answerType === "amount") return AMOUNT.test(text);
  if (answerType === "time") return TIME.test(text);
  return false;
}

/** Whole units up to the cap; a single unit longer than the cap is cut at a word, with "…". */
function capLength(text: string): string {
  if (text.length <= MAX_PASSAGE_CHARS) return text;
  const cut = text.slice(0, MAX_PASSAGE_CHARS - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > MAX_PASSAGE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The article's opening: its first paragraph, as many whole sentences as fit. */
function openingOf(outline: ArticleOutline): string {
  const first = outline[0]?.blocks[0];
  if (!first) return "";
  let to = 1;
  const candidate = (end: number): Candidate => ({ section: outline[0], block: first, from: 0, to: end, leadIn: leadInOf(outline[0], 0), opensSection: true });
  while (to < first.units.length && renderCandidate(candidate(to + 1)).length <= MAX_PASSAGE_CHARS) to += 1;
  return capLength(renderCandidate(candidate(to)));
}

export function selectPassage(outline: ArticleOutline, question: string, termWeight: (term: string) => number = () => 1): string {
  const query = parseQuery(question, termWeight);
  if (query.total === 0) return openingOf(outline);
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidates(outline)) {
    const text = renderCandidate(candidate);
    // A window of several units must fit; a single long unit is shortened instead of skipped.
    if (candidate.to - candidate.from > 1 && text.length > MAX_PASSAGE_CHARS) continue;
    const score = scoreCandidate(candidate, text, query);
    if (score > 0 && (!best || score > best.score)) best = { candidate, score };
  }
  return best ? capLength(renderCandidate(completed(best.candidate))) : openingOf(outline);
}

function completed(candidate: Candidate): Candidate {
  if (candidate.block.kind !== "sentences") return candidate;
  let window = candidate;
  while (window.to < window.block.units.length && renderCandidate(window).length < MIN_ANSWER_CHARS) {
    const longer = { ...window, to: window.to + 1 };
    if (renderCandidate(longer).length > MAX_PASSAGE_CHARS) break;
    window = longer;
  }
  return window;
}
