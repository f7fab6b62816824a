/**
 * How each article does with customers, from the events the runtime records: `kb.answered` (the
 * bot answered with the article) and `kb.feedback` (the customer said whether it helped). Runs of
 * the builder's preview (channel "preview") are left out: they are admins testing drafts, not
 * customers. Feedback counts once per conversation and article, the latest answer winning, because
 * a customer who types "yes" and then also clicks the card's button is one opinion, not two.
 */
import { z } from "zod";
import { db as defaultDb, type Db } from "~/utils/db.server";
import { NO_USAGE, type ArticleUsage } from "./usage";

const USAGE_EVENTS = ["kb.answered", "kb.feedback"];
const PREVIEW_CHANNEL = "preview";

const PayloadSchema = z.object({ articleId: z.string().min(1), helpful: z.boolean().optional() });

function readPayload(payload: string): z.infer<typeof PayloadSchema> | null {
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Usage per article id (articles never shown are absent: read them as NO_USAGE). */
export async function getArticleUsage(options: { articleId?: string } = {}, client: Db = defaultDb): Promise<Map<string, ArticleUsage>> {
  const events = await client.event.findMany({
    where: {
      type: { in: USAGE_EVENTS },
      conversation: { channel: { not: PREVIEW_CHANNEL } },
      // A cheap pre-filter for one article; the parsed payload below is what decides.
      ...(options.articleId ? { payload: { contains: JSON.stringify(options.articleId) } } : {}),
    },
    select: { type: true, payload: true, conversationId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const usage = new Map<string, ArticleUsage>();
  const feedback = new Map<string, { articleId: string; helpful: boolean }>();
  for (const event of events) {
    const payload = readPayload(event.payload);
    if (!payload || (options.articleId && payload.articleId !== options.articleId)) continue;
    if (event.type === "kb.answered") {
      const entry = usage.get(payload.articleId) ?? { ...NO_USAGE };
      entry.shown += 1;
      entry.lastShownAt = event.createdAt;
      usage.set(payload.articleId, entry);
    } else if (payload.helpful !== undefined) {
      feedback.set(`${event.conversationId}\u0000${payload.articleId}`, { articleId: payload.articleId, helpful: payload.helpful });
    }
  }
  for (const { articleId, helpful } of feedback.values()) {
    const entry = usage.get(articleId) ?? { ...NO_USAGE };
    if (helpful) entry.helpful += 1;
    else entry.notHelpful += 1;
    usage.set(articleId, entry);
  }
  return usage;
}
