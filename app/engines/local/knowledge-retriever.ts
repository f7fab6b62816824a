/**
 * The embedded KnowledgeRetriever: hybrid ranking over a KnowledgeIndex (knowledge-ranker.ts:
 * words and sentence vectors, with a calibrated confidence) and an extractive answer from the
 * best article. The index comes from a loader so the server can build it lazily from the
 * database (knowledge-store.server.ts) and tests can hand in a fixed one.
 */
import { rankArticles } from "./knowledge-ranker";
import { selectPassage } from "./passage";
import type { KnowledgeIndex } from "./knowledge-index";
import type { KbAnswer, KnowledgeRetriever, RetrievedArticle } from "../types";

export class LocalKnowledgeRetriever implements KnowledgeRetriever {
  constructor(private readonly loadIndex: () => Promise<KnowledgeIndex>) {}

  async search(input: { query: string; tags?: string[]; limit?: number }): Promise<RetrievedArticle[]> {
    const index = await this.loadIndex();
    return rankArticles(index, input.query, { tags: input.tags, limit: input.limit });
  }

  async answer(input: { query: string; tags?: string[]; minScore: number }): Promise<KbAnswer | null> {
    const index = await this.loadIndex();
    const [best] = await rankArticles(index, input.query, { tags: input.tags, limit: 1 });
    if (!best || best.score < input.minScore) return null;
    const article = index.get(best.id);
    if (!article) return null;
    const ref = { id: article.id, slug: article.slug, title: article.title };
    const text = selectPassage(article.outline, input.query, (term) => index.termWeight(term));
    return { article: ref, text, score: best.score, citations: [ref] };
  }
}
