/**
 * The orders of "Questions the bot couldn't answer". "recent" is the KB page's short list: asks in
 * the last days first, then the newest — a question customers hit this week comes before one that
 * was frequent weeks ago and has stopped. The full list lets the lead choose between the most
 * asked over the whole window and the newest.
 */
/** What "recent" means for the short list's order and the rows' "N in the last 7 days". */
export const RECENT_DAYS = 7;

export const UNANSWERED_ORDERS = ["mostAsked", "newest", "recent"] as const;
export type UnansweredOrder = (typeof UNANSWERED_ORDERS)[number];

type Ordered = { count: number; recentCount: number; lastAskedAt: Date };

const newest = (a: Ordered, b: Ordered) => b.lastAskedAt.getTime() - a.lastAskedAt.getTime();

const COMPARE: Record<UnansweredOrder, (a: Ordered, b: Ordered) => number> = {
  mostAsked: (a, b) => b.count - a.count || newest(a, b),
  newest: (a, b) => newest(a, b) || b.count - a.count,
  recent: (a, b) => b.recentCount - a.recentCount || newest(a, b),
};

export function orderUnanswered<T extends Ordered>(questions: T[], order: UnansweredOrder): T[] {
  return [...questions].sort(COMPARE[order]);
}
