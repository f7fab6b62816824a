import type { MessageMetadata } from "~/runtime/messages";

/** The KB's "These articles might help" as the customer saw it: its buttons, and what they did with it. */
export type OfferedChoices = {
  /** The buttons' labels in their order ("None of these" last). */
  choices: string[];
  /** The title the customer picked, else null. */
  picked: string | null;
  /** The customer wrote something after the offer: with no pick, they picked none. */
  replied: boolean;
};

type Line = { role: string; metadata: MessageMetadata };

/**
 * For each line (by index) that offered articles, what the customer saw and picked. A pick is
 * the later bot answer marked `picked` from one of the offered articles; it belongs to the
 * latest offer before it, as the kb step answers a pick at once.
 */
export function readOfferedChoices(lines: Line[]): Map<number, OfferedChoices> {
  const offers = new Map<number, OfferedChoices>();
  let latest: { index: number; articleIds: Set<string> } | null = null;
  lines.forEach((line, index) => {
    const { offered, choices, picked, source } = line.metadata;
    if (line.role === "bot" && offered?.length) {
      offers.set(index, { choices: choices ?? offered.map((article) => article.title), picked: null, replied: false });
      latest = { index, articleIds: new Set(offered.map((article) => article.articleId)) };
      return;
    }
    const offer = latest ? offers.get(latest.index) : undefined;
    if (!latest || !offer) return;
    if (line.role === "customer") offer.replied = true;
    if (line.role === "bot" && picked && source && latest.articleIds.has(source.articleId)) offer.picked = source.title;
  });
  return offers;
}
