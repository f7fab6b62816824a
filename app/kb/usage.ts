/** Article usage as the pages show it (client-safe; counted in usage.server.ts). */

export type ArticleUsage = { shown: number; helpful: number; notHelpful: number; lastShownAt: Date | null };

export const NO_USAGE: ArticleUsage = { shown: 0, helpful: 0, notHelpful: 0, lastShownAt: null };

/** The share of rated answers that helped, or null with no feedback yet. */
export function helpfulRate(usage: Pick<ArticleUsage, "helpful" | "notHelpful">): number | null {
  const rated = usage.helpful + usage.notHelpful;
  return rated === 0 ? null : usage.helpful / rated;
}
