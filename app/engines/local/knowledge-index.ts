/**
 * The embedded knowledge index: MiniSearch (BM25+) over published articles with field boosts
 * (title > tags > body), Porter2 stems, fuzzy and prefix matching for typos and half-typed
 * words. Pure and in memory; articles are added, replaced and removed one at a time so an
 * edit in the KB never rebuilds the whole index.
 *
 * Scores: BM25 is not comparable across queries, so each match also carries the query's COVERAGE
 * by the article: the IDF-weighted share of the customer's content words that the article
 * contains (fuzzy matches count). Both are evidence for knowledge-ranker.ts, which combines them
 * with the sentence vectors kept here (article-vectors.ts) into the calibrated confidence that a
 * kb node's `minScore` is compared with.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import { parseArticleOutline, type ArticleOutline } from "./article-outline";
import { articleCues, articleExampleCues, articlePassages } from "./article-passages";
import { holdsAnswerType, type AnswerType } from "./knowledge-answer-type";
import { ArticleVectors, type ArticleSimilarity } from "./article-vectors";
import { stripMarkdown } from "./markdown";
import type { SentenceEncoder } from "./sentence-encoder.server";
import type { SentenceVectorStore } from "./sentence-vector-store";
import type { LanguageCode } from "../detect-language";
import { indexTerms, stem, stopWordsFor, tokenize } from "./text";
import type { ArticleRef, RetrievedArticle } from "../types";

/** `questions`: the support lead's example questions ("Customers also ask"), none when absent. */
export type KnowledgeArticle = ArticleRef & { body: string; tags: string[]; questions?: string[] };

/**
 * `text` is what is searched (and given to an LLM as grounding); `outline` is what answers are cut
 * from; `questionText` is the example questions, searched as a field of their own.
 */
export type IndexedArticle = KnowledgeArticle & { text: string; tagText: string; questionText: string; outline: ArticleOutline };

// Customers' filler words, and the question words STOP_WORDS keeps ("how", "where", "why"): they
// say nothing about which article is meant ("how long does standard shipping take" matched
// "Refund methods and how long each takes" on "how").
export const QUERY_FILLER = new Set(
  "hi hello hey thanks thank please pls wondering wonder need want know tell help hii ok okay just also still get got how where why".split(" "),
);

// An example question is a customer's wording of what the article answers: weighed like its tags,
// below its title. An article without example questions has an empty field, which adds nothing to
// any BM25 score (MiniSearch scores each field on its own).
export const FIELD_BOOSTS = { title: 3, tagText: 2, questionText: 2, text: 1 };

/** A content-word stem of a query with its IDF weight over the indexed articles. */
export type WeightedTerm = { term: string; weight: number };

/** A lexical match with its raw BM25 score (comparable within one query only) beside the coverage `score`. */
export type LexicalMatch = RetrievedArticle & { bm25: number };

/**
 * A word is indexed as its stem AND, when different, its surface form: stems meet inflections
 * ("refunds" → "refund"), surface forms let fuzzy matching catch typos that defeat the stemmer
 * ("shiping" is one edit from "shipping" but not from the stem "ship").
 */
function expandTerm(token: string, language: LanguageCode = "en"): string | string[] | null {
  if (stopWordsFor(language).has(token)) return null;
  const stemmed = stem(token, language);
  return stemmed === token ? token : [stemmed, token];
}

// "How long does it take" asks for a duration, like "how" asks for a way: its words say what kind
// of answer is wanted, not which article ("how long does standard shipping take" matched "Refund
// methods and how long each takes" on "long" and "take").
const DURATION_WORDS = new Set(["long", "take", "takes", "taking", "took"]);

/** The query's words that can say which article is meant (stop words, customers' filler and "how long … take" dropped). */
export function contentTokens(query: string, language: LanguageCode = "en"): string[] {
  const stopWords = stopWordsFor(language);
  const tokens = tokenize(query, language);
  const asksDuration = language === "en" && tokens.some((token, i) => token === "how" && tokens[i + 1] === "long");
  return tokens.filter((token) => !stopWords.has(token) && !QUERY_FILLER.has(token) && !(asksDuration && DURATION_WORDS.has(token)));
}

function wantedTags(tags: string[] | undefined): Set<string> | null {
  return tags?.length ? new Set(tags.map((tag) => tag.toLowerCase())) : null;
}

export class KnowledgeIndex {
  private readonly search: MiniSearch<IndexedArticle>;
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly termsByArticle = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  /** Each article's title terms and each of its passages' terms (article-passages.ts order), for field coverage. */
  private readonly fieldTerms = new Map<string, { title: Set<string>; passages: Array<Set<string>>; examples: Array<Set<string>>; holds: Array<Record<"time" | "amount", boolean>> }>();
  /** Passage vectors for semantic matching; absent when the index is built without an encoder (lexical only). */
  private readonly vectors: ArticleVectors | null;

  /** The articles' language: how words are stemmed and which are stop words (text.ts). */
  readonly language: LanguageCode;

  /** The sentence encoder is English-only: an index in another language ranks on words alone. */
  constructor(options: { encoder?: SentenceEncoder; vectorStore?: SentenceVectorStore; language?: LanguageCode } = {}) {
    const language = (this.language = options.language ?? "en");
    this.vectors = options.encoder && language === "en" ? new ArticleVectors(options.encoder, options.vectorStore) : null;
    this.search = new MiniSearch<IndexedArticle>({
      fields: ["title", "tagText", "questionText", "text"],
      storeFields: ["id"],
      tokenize: (text) => tokenize(text, language),
      processTerm: (term) => expandTerm(term, language),
      searchOptions: { processTerm: (term) => (QUERY_FILLER.has(term) ? null : expandTerm(term, language)) },
    });
  }

  get size(): number {
    return this.articles.size;
  }

  get(id: string): IndexedArticle | undefined {
    return this.articles.get(id);
  }

  /** Adds the article, or replaces the indexed version of it. */
  upsert(article: KnowledgeArticle): void {
    this.remove(article.id);
    const examples = articleExampleCues(article.questions);
    const indexed: IndexedArticle = {
      ...article,
      text: stripMarkdown(article.body),
      tagText: article.tags.join(" "),
      questionText: examples.join("\n"),
      outline: parseArticleOutline(article.title, article.body),
    };
    this.articles.set(article.id, indexed);
    this.search.add(indexed);
    const passages = articlePassages(indexed.title, indexed.outline);
    this.vectors?.upsert(article.id, passages, articleCues(indexed.title, indexed.outline), examples);
    const termsOf = (text: string) => new Set(indexTerms(text, this.language));
    this.fieldTerms.set(article.id, {
      title: termsOf(indexed.title),
      passages: passages.map(termsOf),
      examples: examples.map(termsOf),
      holds: passages.map((passage) => ({ time: holdsAnswerType(passage, "time"), amount: holdsAnswerType(passage, "amount") })),
    });
    // The example questions' words count as words the knowledge base knows (unknownTermShare, IDF).
    const terms = new Set(indexTerms(`${indexed.title} ${indexed.tagText} ${indexed.text}${examples.length ? ` ${indexed.questionText}` : ""}`, this.language));
    this.termsByArticle.set(article.id, terms);
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  remove(id: string): boolean {
    if (!this.articles.has(id)) return false;
    this.search.discard(id);
    this.articles.delete(id);
    this.vectors?.remove(id);
    this.fieldTerms.delete(id);
    for (const term of this.termsByArticle.get(id) ?? []) {
      const frequency = (this.documentFrequency.get(term) ?? 1) - 1;
      if (frequency <= 0) this.documentFrequency.delete(term);
      else this.documentFrequency.set(term, frequency);
    }
    this.termsByArticle.delete(id);
    return true;
  }

  clear(): void {
    for (const id of [...this.articles.keys()]) this.remove(id);
  }

  /** Ids of the indexed articles, only those with one of `tags` when given. */
  ids(tags?: string[]): string[] {
    const wanted = wantedTags(tags);
    return [...this.articles.keys()].filter((id) => !wanted || this.hasTag(id, wanted));
  }

  /** Passage similarities to the query (article-vectors.ts); null when semantic matching is unavailable. */
  similarities(query: string, ids: string[]): Promise<Map<string, ArticleSimilarity> | null> {
    return this.vectors ? this.vectors.similarities(query, ids) : Promise.resolve(null);
  }

  /** Resolves once every indexed article's passages are embedded (or the encoder failed). */
  whenEmbedded(): Promise<void> {
    return this.vectors ? this.vectors.whenReady() : Promise.resolve();
  }

  /**
   * The IDF-weighted share of the query's content words that NO article contains: "do you sell
   * perfume" asks about something the knowledge base never mentions, whatever ranks first.
   */
  unknownTermShare(query: string): number {
    let total = 0;
    let unknown = 0;
    for (const term of new Set(contentTokens(query, this.language).map((token) => stem(token, this.language)))) {
      const weight = this.termWeight(term);
      total += weight;
      if (!this.documentFrequency.has(term)) unknown += weight;
    }
    return total > 0 ? unknown / total : 1;
  }

  /** The query's content-word stems, each once, with their IDF weights. */
  weightedTerms(query: string): WeightedTerm[] {
    return [...new Set(contentTokens(query, this.language).map((token) => stem(token, this.language)))].map((term) => ({ term, weight: this.termWeight(term) }));
  }

  /**
   * The IDF-weighted share of `terms` in the article's title, and in each of its passages (in
   * article-passages.ts order, so it lines up with the passages' sentence vectors): a question
   * whose words sit together in the title or in one section is more likely about that article
   * than one whose words are scattered over a long body. The same share in each example question
   * (none when the article has none).
   */
  fieldCoverage(id: string, terms: WeightedTerm[]): { title: number; passages: number[]; examples: number[] } {
    const fields = this.fieldTerms.get(id);
    if (!fields) return { title: 0, passages: [], examples: [] };
    const total = terms.reduce((sum, { weight }) => sum + weight, 0) || 1;
    const share = (set: Set<string>) => terms.reduce((sum, { term, weight }) => sum + (set.has(term) ? weight : 0), 0) / total;
    return { title: share(fields.title), passages: fields.passages.map(share), examples: fields.examples.map(share) };
  }

  /**
   * The article's EXACT matches of `terms` (same stem; fuzzy and prefix matches left out: "train"
   * is not "trainers"): their IDF-weighted share of the question's terms, and how many there are.
   * The words-only confidence's evidence (knowledge-ranker.ts lexicalRanking).
   */
  exactCoverage(id: string, terms: WeightedTerm[]): { share: number; matched: number } {
    const known = this.termsByArticle.get(id);
    const total = terms.reduce((sum, { weight }) => sum + weight, 0);
    if (!known || total === 0) return { share: 0, matched: 0 };
    const found = terms.filter(({ term }) => known.has(term));
    return { share: found.reduce((sum, { weight }) => sum + weight, 0) / total, matched: found.length };
  }

  /** For each of the article's passages (article-passages.ts order), whether it holds an answer of the kind (an amount, a time); all false for other kinds. */
  passagesHolding(id: string, type: AnswerType): boolean[] {
    const holds = this.fieldTerms.get(id)?.holds ?? [];
    return holds.map((flags) => (type === "time" || type === "amount" ? flags[type] : false));
  }

  query(query: string, options: { tags?: string[]; limit?: number } = {}): LexicalMatch[] {
    const tokens = [...new Set(contentTokens(query, this.language))];
    if (tokens.length === 0 || this.articles.size === 0) return [];
    const wanted = wantedTags(options.tags);
    const results = this.search.search(tokens.join(" "), {
      boost: FIELD_BOOSTS,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      prefix: (term) => term.length >= 4,
      weights: { fuzzy: 0.6, prefix: 0.5 },
      filter: wanted ? (result) => this.hasTag(String(result.id), wanted) : undefined,
    });
    return results.slice(0, options.limit ?? 5).map((result) => {
      const article = this.articles.get(String(result.id))!;
      return {
        id: article.id,
        slug: article.slug,
        title: article.title,
        tags: article.tags,
        score: this.coverage(tokens, result),
        bm25: result.score,
      };
    });
  }

  private hasTag(id: string, wanted: Set<string>): boolean {
    return (this.articles.get(id)?.tags ?? []).some((tag) => wanted.has(tag.toLowerCase()));
  }

  /** IDF-weighted share of the query's terms that this result matched (see the header). */
  private coverage(tokens: string[], result: SearchResult): number {
    const matched = new Set(result.queryTerms);
    const weights = new Map<string, { weight: number; found: boolean }>();
    for (const token of tokens) {
      const stemmed = stem(token, this.language);
      const entry = weights.get(stemmed) ?? { weight: this.termWeight(stemmed), found: false };
      entry.found ||= matched.has(stemmed) || matched.has(token);
      weights.set(stemmed, entry);
    }
    let total = 0;
    let found = 0;
    for (const entry of weights.values()) {
      total += entry.weight;
      if (entry.found) found += entry.weight;
    }
    return total > 0 ? found / total : 0;
  }

  /** IDF of a stemmed term over the indexed articles; unknown terms weigh the most. */
  termWeight(term: string): number {
    const documents = this.articles.size;
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (documents + 1) / (frequency + 0.5));
  }
}
