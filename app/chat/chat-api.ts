/**
 * Browser calls to the public chat API. Every call carries the bearer token (the cookie is not
 * sent inside the widget's cross-site iframe). Responses are checked before use: the page
 * renders only fields it understands.
 */
import type { SendResult } from "./send-queue";
import { isChatStatus, type ChatMessage, type ConversationDetails, type ConversationSession, type TurnReply } from "./types";

const ROLES = new Set(["customer", "bot", "agent", "system"]);

export function parseMessage(value: unknown): ChatMessage | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw.id !== "string" || typeof raw.text !== "string" || typeof raw.role !== "string" || !ROLES.has(raw.role)) return null;
  const message: ChatMessage = {
    id: raw.id,
    role: raw.role as ChatMessage["role"],
    text: raw.text,
    createdAt: typeof raw.createdAt === "string" ? raw.createdAt : new Date().toISOString(),
  };
  if (Array.isArray(raw.choices)) message.choices = raw.choices.filter((choice): choice is string => typeof choice === "string");
  const source = raw.source as Record<string, unknown> | undefined;
  if (source && typeof source.articleId === "string" && typeof source.title === "string") {
    message.source = { articleId: source.articleId, slug: typeof source.slug === "string" ? source.slug : "", title: source.title };
  }
  if (raw.csat === true) message.csat = true;
  const author = raw.author as Record<string, unknown> | undefined;
  if (raw.role === "agent" && author && typeof author.name === "string" && author.name) {
    message.author = {
      name: author.name,
      initials: typeof author.initials === "string" && author.initials ? author.initials : author.name.slice(0, 1).toUpperCase(),
      team: typeof author.team === "string" ? author.team : null,
    };
  }
  return message;
}

export function parseMessages(value: unknown): ChatMessage[] {
  return Array.isArray(value) ? value.flatMap((item) => parseMessage(item) ?? []) : [];
}

function parseTurnReply(value: unknown): TurnReply | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  return isChatStatus(raw.status) ? { status: raw.status, messages: parseMessages(raw.messages) } : null;
}

const authorization = (token: string) => ({ Authorization: `Bearer ${token}` });

export type StartedConversation = ConversationSession & TurnReply;

export async function startConversation(slug: string, body: { page?: string; channel?: "web" | "widget" }): Promise<StartedConversation> {
  const response = await fetch(`/api/chat/${encodeURIComponent(slug)}/conversations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const reply = parseTurnReply(json);
  if (response.status !== 201 || !json || !reply || typeof json.conversationId !== "string" || typeof json.token !== "string") {
    throw new Error(`could not start a conversation (${response.status})`);
  }
  return { conversationId: json.conversationId, token: json.token, ...reply };
}

/** Never throws: every outcome is a SendResult for the outbox to decide on. */
export async function sendMessage(session: ConversationSession, clientMessageId: string, text: string): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(`/api/conversations/${encodeURIComponent(session.conversationId)}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authorization(session.token) },
      body: JSON.stringify({ clientMessageId, text }),
    });
  } catch {
    return { kind: "network" };
  }
  const json = await response.json().catch(() => null);
  if (response.ok) {
    const reply = parseTurnReply(json);
    // A 200 that is not the API's JSON (a captive portal, a proxy page) is not an acknowledgement.
    return reply ? { kind: "ok", reply } : { kind: "network" };
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
  return {
    kind: "http",
    status: response.status,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    ...(typeof message === "string" ? { message } : {}),
  };
}

/** Null on any failure, network included: callers treat a missed read as "try again later". */
export async function getConversation(session: ConversationSession): Promise<TurnReply | null> {
  try {
    const response = await fetch(`/api/conversations/${encodeURIComponent(session.conversationId)}`, { headers: authorization(session.token), cache: "no-store" });
    if (!response.ok) return null;
    return parseTurnReply(await response.json());
  } catch {
    return null;
  }
}

export async function sendFeedback(session: ConversationSession, body: { messageId: string; helpful: boolean } | { csat: number }): Promise<TurnReply | null> {
  try {
    const response = await fetch(`/api/conversations/${encodeURIComponent(session.conversationId)}/feedback`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authorization(session.token) },
      body: JSON.stringify(body),
    });
    if (!response.ok) return null;
    return parseTurnReply(await response.json());
  } catch {
    return null;
  }
}

/** The page's own details endpoint (team, wait estimate, agent names): see chat.$slug.details.ts. */
export async function getDetails(slug: string, session: ConversationSession): Promise<ConversationDetails | null> {
  const url = `/chat/${encodeURIComponent(slug)}/details?conversation=${encodeURIComponent(session.conversationId)}`;
  try {
    const response = await fetch(url, { headers: authorization(session.token), cache: "no-store" });
    if (!response.ok) return null;
    const json = (await response.json()) as ConversationDetails | null;
    return json && isChatStatus(json.status) ? json : null;
  } catch {
    return null;
  }
}

/** The customer leaves an email while nobody can answer (see chat.$slug.email.ts); the new details, or null on failure. */
export async function leaveEmail(slug: string, session: ConversationSession, email: string): Promise<ConversationDetails | null> {
  const url = `/chat/${encodeURIComponent(slug)}/email?conversation=${encodeURIComponent(session.conversationId)}`;
  try {
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...authorization(session.token) }, body: JSON.stringify({ email }) });
    if (!response.ok) return null;
    const json = (await response.json()) as ConversationDetails | null;
    return json && isChatStatus(json.status) ? json : null;
  } catch {
    return null;
  }
}
