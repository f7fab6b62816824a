/**
 * Starting a conversation, checking a customer's token, and reading a conversation as the
 * customer sees it. A new conversation is pinned to the latest published version of its flow
 * and starts with the flow's greeting, written in one transaction with the conversation row.
 */
import { createRowId } from "./ids.server";
import type { Engines } from "~/engines/types";
import { getEngines } from "~/engines/index.server";
import { resolveContact } from "~/contacts/contacts.server";
import { db } from "~/utils/db.server";
import { planBotStep } from "./bot-turn.server";
import type { TurnReply } from "./conversation-store.server";
import { getLatestPublishedVersion } from "./flow-versions.server";
import { LruCache } from "~/utils/lru";
import { toPublicMessages, type PublicMessage } from "./messages";
import { publishTurn } from "./publish.server";
import { ensureSqliteTuned } from "./sqlite.server";
import { buildInserts, queryOne, runWriteTransaction, type SqlAssignment, type SqlScalar } from "./sql.server";
import { createConversationToken, hashToken, tokenMatchesHash } from "./tokens.server";
import { PREVIEW_CHANNEL, type Channel } from "~/vocabulary/channels";
import { ConversationStatusSchema, type ConversationStatus } from "~/vocabulary/conversation-status";

export type CreatedConversation = TurnReply & { conversationId: string; token: string; flowVersionId: string };

/** The version a conversation is pinned to: the latest published one, or a preview run's (number null). */
export type PinnedVersion = { flowId: string; flowVersionId: string; number: number | null };

/**
 * Null when the slug has no published version (the route answers 404). `version` pins the
 * conversation to a given version instead (the builder's preview of a draft).
 */
export async function createConversation(
  input: {
    slug: string;
    contact?: { name?: string; email?: string };
    /** The browser's visitor cookie (see ~/contacts/visitor.server): the same browser is the same contact. */
    visitorKey?: string | null;
    page?: string;
    channel: Channel;
    version?: PinnedVersion;
  },
  engines: Engines = getEngines(),
): Promise<CreatedConversation | null> {
  await ensureSqliteTuned(db);
  const version = input.version ?? (await getLatestPublishedVersion(input.slug));
  if (!version) return null;
  const contactId = input.channel === PREVIEW_CHANNEL ? null : await resolveContact({ verified: input.contact, visitorKey: input.visitorKey });
  const conversationId = createRowId();
  const { token, tokenHash } = createConversationToken();
  const draft = {
    id: conversationId,
    flowVersionId: version.flowVersionId,
    contactId,
    channel: input.channel,
    page: input.page ?? null,
    snapshot: null,
    escalatedAt: null,
  };
  // What the customer already told us is known to the flow: a collect node for it skips its question.
  const fields: Record<string, string> = {};
  if (input.contact?.name) fields.name = input.contact.name;
  if (input.contact?.email) fields.email = input.contact.email.toLowerCase();
  const plan = await planBotStep(draft, { type: "start", fields }, engines, []);
  const now = new Date();
  const rows = plan.messages.map((message, index) => ({
    id: createRowId(),
    conversationId,
    seq: index + 1,
    role: message.role,
    text: message.text,
    metadata: JSON.stringify(message.metadata),
    createdAt: now,
  }));
  const conversationRow: Record<string, SqlScalar> = {
    ...scalarsOf(plan.update),
    id: conversationId,
    flowId: version.flowId,
    flowVersionId: version.flowVersionId,
    contactId,
    channel: input.channel,
    page: input.page ?? null,
    tokenHash,
    status: plan.status,
    version: 1,
    lastMessageAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const events = [
    { type: "conversation.started", nodeId: null, payload: { flowVersionId: version.flowVersionId, number: version.number, channel: input.channel, page: input.page ?? null } },
    ...plan.events,
  ].map((event) => ({
    id: createRowId(),
    conversationId,
    flowId: version.flowId,
    type: event.type,
    nodeId: event.nodeId ?? null,
    payload: JSON.stringify(event.payload),
    createdAt: now,
  }));
  await runWriteTransaction([...buildInserts("Conversation", [conversationRow]), ...buildInserts("Event", events), ...buildInserts("Message", rows)]);
  tokenHashes.set(conversationId, tokenHash);
  publishTurn({ id: conversationId, status: "bot", teamId: null }, plan, rows.map((row) => ({ ...row })));
  return { conversationId, token, flowVersionId: version.flowVersionId, status: plan.status, messages: toPublicMessages(rows) };
}

/** A new row takes plain values only (an increment has nothing to add to). */
function scalarsOf(update: Record<string, SqlAssignment>): Record<string, SqlScalar> {
  const result: Record<string, SqlScalar> = {};
  for (const [column, value] of Object.entries(update)) {
    if (value === null || typeof value !== "object" || value instanceof Date) result[column] = value;
  }
  return result;
}

// Token hashes never change after creation, so remembering them skips a read on every turn.
const tokenHashes = new LruCache<string, string>(Number(process.env.TOKEN_CACHE_SIZE ?? 20_000) || 20_000);
const DUMMY_HASH = hashToken("no such conversation");

/** True when `token` opens conversation `id`. Unknown ids cost the same hash comparison. */
export async function authenticateConversation(conversationId: string, token: string): Promise<boolean> {
  let stored = tokenHashes.get(conversationId);
  if (!stored) {
    const row = await queryOne<{ tokenHash: unknown }>(`SELECT "tokenHash" FROM "Conversation" WHERE "id" = ?`, [conversationId]);
    if (row && typeof row.tokenHash === "string") {
      stored = row.tokenHash;
      tokenHashes.set(conversationId, stored);
    }
  }
  const matches = tokenMatchesHash(token, stored ?? DUMMY_HASH);
  return matches && stored !== undefined;
}

export type CustomerView = {
  status: ConversationStatus;
  team: { slug: string; name: string } | null;
  messages: Array<PublicMessage & { seq: number }>;
};

const MAX_SEQ = 2_147_483_647;

/** The conversation as its customer sees it: never internal notes. */
export async function getCustomerView(conversationId: string, afterSeq = 0): Promise<CustomerView | null> {
  // seq is a 32-bit integer on PostgreSQL, which refuses a larger bound (a "nothing yet" cursor).
  const after = Math.min(afterSeq, MAX_SEQ);
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      status: true,
      team: { select: { slug: true, name: true } },
      messages: {
        where: { role: { not: "note" }, seq: { gt: after } },
        orderBy: { seq: "asc" },
        select: { id: true, seq: true, role: true, text: true, createdAt: true, metadata: true },
      },
    },
  });
  if (!conversation) return null;
  const status = ConversationStatusSchema.safeParse(conversation.status);
  const seqById = new Map(conversation.messages.map((message) => [message.id, message.seq]));
  return {
    status: status.success ? status.data : "waiting",
    team: conversation.team,
    messages: toPublicMessages(conversation.messages).map((message) => ({ ...message, seq: seqById.get(message.id) ?? 0 })),
  };
}
