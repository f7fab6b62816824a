/**
 * Message metadata (stored as JSON in Message.metadata) and the public message shape the chat
 * API returns. Metadata is parsed with zod when read back; an unreadable value degrades to {}
 * rather than failing the whole transcript.
 */
import { z } from "zod";

export const MessageRoleSchema = z.enum(["customer", "bot", "agent", "system", "note"]);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

export const SourceSchema = z.object({ articleId: z.string(), slug: z.string(), title: z.string() });

/**
 * How an agent line's author appears to the customer (first name, initials, the team they answer
 * for; never a full name or email). Stored on the message when it is written, so every copy of
 * it — the live stream on any instance, its backlog, GET — names its author without a second read.
 */
export const MessageAuthorSchema = z.object({ name: z.string(), initials: z.string(), team: z.string().nullable() });
export type MessageAuthor = z.infer<typeof MessageAuthorSchema>;

export const MessageMetadataSchema = z.object({
  choices: z.array(z.string()).optional(),
  source: SourceSchema.optional(),
  /** A KB answer's calibrated confidence (for the handoff packet; not part of the public message). */
  confidence: z.number().min(0).max(1).optional(),
  csat: z.boolean().optional(),
  /** On an agent's reply: its public author. */
  author: MessageAuthorSchema.optional(),
  nodeId: z.string().optional(),
  /** On "These articles might help": the articles offered, in the order of `choices` (agents only). */
  offered: z.array(SourceSchema).optional(),
  /** On a KB answer: the customer picked it from the articles offered. */
  picked: z.boolean().optional(),
  /** On an intent step's "Did you mean…?": the intents offered (names), in the order of `choices` (agents only). */
  offeredIntents: z.array(z.string()).optional(),
  /** The customer's answer to "did this help?" on a KB answer. */
  feedback: z.object({ helpful: z.boolean(), at: z.string() }).optional(),
  /** On a customer message: the conversation status its turn ended in (for the idempotent replay). */
  turnStatus: z.string().optional(),
});
export type MessageMetadata = z.infer<typeof MessageMetadataSchema>;

export function parseMessageMetadata(json: string): MessageMetadata {
  try {
    const parsed = MessageMetadataSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export type PublicMessage = {
  id: string;
  role: "customer" | "bot" | "agent" | "system";
  text: string;
  createdAt: string;
  choices?: string[];
  source?: { articleId: string; slug: string; title: string };
  csat?: boolean;
  /** Agent messages: who wrote it (absent on lines written before authors were stored). */
  author?: MessageAuthor;
};

/** `written`: the metadata of a row this process has just written, so it need not be parsed back. */
type StoredMessage = { id: string; role: string; text: string; createdAt: Date; metadata: string; written?: MessageMetadata };

export function readMessageMetadata(message: { metadata: string; written?: MessageMetadata }): MessageMetadata {
  return message.written ?? parseMessageMetadata(message.metadata);
}

const PUBLIC_ROLES = new Set<string>(["customer", "bot", "agent", "system"]);

function isPublicRole(role: string): role is PublicMessage["role"] {
  return PUBLIC_ROLES.has(role);
}

/** The customer's view of a stored message; null for internal notes, which never leave the inbox. */
export function toPublicMessage(message: StoredMessage): PublicMessage | null {
  if (!isPublicRole(message.role)) return null;
  const metadata = readMessageMetadata(message);
  const result: PublicMessage = {
    id: message.id,
    role: message.role,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
  };
  if (metadata.choices?.length) result.choices = metadata.choices;
  if (metadata.source) result.source = metadata.source;
  if (metadata.csat) result.csat = true;
  if (metadata.author && result.role === "agent") result.author = metadata.author;
  return result;
}

export function toPublicMessages(messages: StoredMessage[]): PublicMessage[] {
  return messages.flatMap((message) => toPublicMessage(message) ?? []);
}
