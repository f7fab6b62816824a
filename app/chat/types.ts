/**
 * The chat page's client-side view of the public chat API (see SPEC "Public chat API"), plus
 * what the page adds from its own loader: agent first names, the team's wait estimate and
 * which KB answers already got feedback. Client-safe: no server imports.
 */
import { isConversationStatus, type ConversationStatus } from "~/vocabulary/conversation-status";

export type ChatRole = "customer" | "bot" | "agent" | "system";
export type ChatStatus = ConversationStatus;

export type ChatSource = { articleId: string; slug: string; title: string };

/** How a person appears to the customer: first name, avatar initials, and the team they answer for. */
export type ChatAgent = { name: string; initials: string; team: string | null };

export type ChatMessage = {
  id: string;
  role: ChatRole;
  text: string;
  createdAt: string;
  choices?: string[];
  source?: ChatSource;
  /** On the flow's closing message: the conversation asks for a rating. */
  csat?: boolean;
  /** Agent messages: who wrote it (first name, never their full name or email). */
  author?: ChatAgent;
};

export type ChatTeam = { slug: string; name: string };

/**
 * While waiting and nobody can answer soon: the team is closed (with when it opens, in its time
 * zone) or no one of it is online. `contactEmail`: what the customer left (or the contact already
 * had), so the notice thanks them instead of asking again.
 */
export type ChatAway = {
  reason: "closed" | "nobodyOnline";
  opensAt: string | null;
  timeZone: string;
  emailPrompt: string;
  contactEmail: string | null;
};

/** What the page knows beyond the transcript; read by the loader and by GET /chat/:slug/details. */
export type ConversationDetails = {
  status: ChatStatus;
  team: ChatTeam | null;
  /** Median minutes to a first human reply for this team over the last 7 days; null when unknown. */
  waitMinutes: number | null;
  /** Set when the team is closed or nobody of it is online (null otherwise, and when not waiting). */
  away: ChatAway | null;
  /** The assigned agent, once someone claimed the conversation. */
  assignee: ChatAgent | null;
  csat: number | null;
  /** messageId → its author, for agent messages. */
  authors: Record<string, ChatAgent>;
  /** messageId → helpful, for KB answers that already got their "Did this help?" answer. */
  feedback: Record<string, boolean>;
  /** The customer's language (en, es, …) once a "Detect language" step told it; the page's own texts follow it. */
  language: string | null;
};

export type ConversationSession = { conversationId: string; token: string };

export type LoadedConversation = ConversationSession & { messages: ChatMessage[]; details: ConversationDetails };

export type TurnReply = { status: ChatStatus; messages: ChatMessage[] };

export const isChatStatus = isConversationStatus;
