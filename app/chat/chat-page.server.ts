/**
 * Server side of the hosted chat page: the published flow behind a slug, and the customer's
 * conversation from the chat cookie the API set (`baton_chat_<slug>` = `<conversationId>.<token>`,
 * see app/runtime/api/auth.server.ts), so a reload shows the transcript in the first paint.
 */
import { z } from "zod";
import { resolveBranding, type ChatBranding } from "~/branding/branding";
import { getWorkspaceBranding } from "~/branding/branding.server";
import { FlowBrandingSchema } from "~/flow/document";
import { chatCookieName } from "~/runtime/api/auth.server";
import { authenticateConversation, getCustomerView } from "~/runtime/conversations.server";
import { db } from "~/utils/db.server";
import { getConversationDetails } from "./conversation-details.server";
import type { ChatMessage, LoadedConversation } from "./types";

/**
 * `locale`: the latest published version's language, which the page's own texts follow.
 * `branding`: the workspace's, with the published version's overrides. The flow's `name` is
 * internal (the lead's list of flows): the customer sees `branding.chatTitle` instead.
 */
export type ChatFlow = { slug: string; name: string; locale: string | null; branding: ChatBranding };

const PageSettingsSchema = z.object({ settings: z.object({ locale: z.string().optional(), branding: FlowBrandingSchema.optional().catch(undefined) }) });

function readPageSettings(document: string | undefined): z.infer<typeof PageSettingsSchema>["settings"] | null {
  try {
    const parsed = PageSettingsSchema.safeParse(JSON.parse(document ?? "null"));
    return parsed.success ? parsed.data.settings : null;
  } catch {
    return null;
  }
}

export async function getPublishedFlow(slug: string): Promise<ChatFlow | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) return null;
  const flow = await db.flow.findFirst({
    where: { slug, archivedAt: null, versions: { some: { number: { not: null } } } },
    select: { slug: true, name: true, versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { document: true } } },
  });
  if (!flow) return null;
  const settings = readPageSettings(flow.versions[0]?.document);
  const branding = resolveBranding(await getWorkspaceBranding(db), settings?.branding);
  return { slug: flow.slug, name: flow.name, locale: settings?.locale ?? null, branding };
}

/** The `<conversationId>.<token>` pair from this flow's chat cookie, unverified. */
export function readChatCookie(request: Request, slug: string): { conversationId: string; token: string } | null {
  const name = chatCookieName(slug);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    let value = part.slice(separator + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    const dot = value.indexOf(".");
    if (dot <= 0 || dot > 64 || value.length - dot - 1 > 128) return null;
    return { conversationId: value.slice(0, dot), token: value.slice(dot + 1) };
  }
  return null;
}

/** The conversation a token opens, as the page renders it; null for anything that does not check out. */
export async function loadConversation(session: { conversationId: string; token: string }, slug: string): Promise<LoadedConversation | null> {
  if (!(await authenticateConversation(session.conversationId, session.token))) return null;
  const [view, details] = await Promise.all([getCustomerView(session.conversationId), getConversationDetails(session.conversationId, slug)]);
  if (!view || !details) return null;
  const messages: ChatMessage[] = view.messages.map(({ seq: _seq, ...message }) => {
    const author = message.role === "agent" ? details.authors[message.id] : undefined;
    return author ? { ...message, author } : message;
  });
  return { ...session, messages, details };
}
