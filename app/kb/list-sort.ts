/**
 * The list's sort orders. "relevance" (the default while searching) keeps the search's order:
 * title matches first, newest first within each group. Ties fall back to the newest first.
 */
import { helpfulRate, type ArticleUsage } from "./usage";

export const ARTICLE_SORTS = ["relevance", "updated", "title", "shown", "helpful"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

type Sortable = { title: string; updatedAt: Date; usage: ArticleUsage };

const byNewest = (a: Sortable, b: Sortable) => b.updatedAt.getTime() - a.updatedAt.getTime();

const comparators: Record<Exclude<ArticleSort, "relevance">, (a: Sortable, b: Sortable) => number> = {
  updated: byNewest,
  title: (a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }) || byNewest(a, b),
  shown: (a, b) => b.usage.shown - a.usage.shown || byNewest(a, b),
  // Worst first: the articles to fix. Unrated articles go last, they say nothing yet.
  helpful: (a, b) => (helpfulRate(a.usage) ?? 2) - (helpfulRate(b.usage) ?? 2) || b.usage.notHelpful - a.usage.notHelpful || byNewest(a, b),
};

export function sortArticles<T extends Sortable>(articles: T[], sort: ArticleSort): T[] {
  return sort === "relevance" ? articles : [...articles].sort(comparators[sort]);
}
