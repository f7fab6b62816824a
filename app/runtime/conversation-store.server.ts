/**
 * The turn engine's reads and its one write. Every turn commits in ONE transaction guarded by
 * the conversation's version column: the UPDATE matches only the version the turn read, so a
 * turn computed from a stale read commits nothing and is retried by the caller. Unique indexes
 * on (conversationId, seq) and (conversationId, clientMessageId) are the second line: a
 * duplicate message or a seq collision with another writer also aborts the whole turn.
 * The per-turn read and the commit use the hot-path connection (see sql.server.ts for why).
 */
import { createRowId } from "./ids.server";
import { z } from "zod";
import { db } from "~/utils/db.server";
import type { MessageMetadata, PublicMessage } from "./messages";
import { parseMessageMetadata, toPublicMessages } from "./messages";
import { buildInserts, buildUpdate, isBusy, isUniqueConflict, queryOne, runWriteTransaction, VersionGuardError, type SqlAssignment, type SqlStatement } from "./sql.server";
import { SqlIntegerSchema } from "~/utils/sql-integer";
import { hasPrismaCode } from "~/utils/prisma-errors";
import { ConversationStatusSchema, type ConversationStatus } from "~/vocabulary/conversation-status";

const TurnRowSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowVersionId: z.string(),
  contactId: z.string().nullable(),
  status: z.string(),
  snapshot: z.string().nullable(),
  version: SqlIntegerSchema,
  teamId: z.string().nullable(),
  channel: z.string(),
  page: z.string().nullable(),
  escalatedAt: z.coerce.date().nullable(),
  lastSeq: SqlIntegerSchema.nullable(),
  storedTurnId: z.string().nullable(),
});

export type TurnConversation = {
  id: string;
  flowId: string;
  flowVersionId: string;
  contactId: string | null;
  status: ConversationStatus;
  snapshot: string | null;
  version: number;
  teamId: string | null;
  channel: string;
  page: string | null;
  escalatedAt: Date | null;
};

export type TurnRead = { conversation: TurnConversation; lastSeq: number; storedTurnId: string | null };

/**
 * Everything a turn needs in ONE statement: the conversation, its last message seq, and the
 * turn already stored under this clientMessageId (if any).
 */
export async function readTurnState(conversationId: string, clientMessageId: string | null): Promise<TurnRead | null> {
  const row = await queryOne(
    `SELECT c."id", c."flowId", c."flowVersionId", c."contactId", c."status", c."snapshot", c."version", c."teamId",
            c."channel", c."page", c."escalatedAt",
            (SELECT max(m."seq") FROM "Message" m WHERE m."conversationId" = c."id") AS "lastSeq",
            (SELECT m."turnId" FROM "Message" m WHERE m."conversationId" = c."id" AND m."clientMessageId" = ?) AS "storedTurnId"
       FROM "Conversation" c WHERE c."id" = ?`,
    [clientMessageId, conversationId],
  );
  if (!row) return null;
  const { lastSeq, storedTurnId, ...conversation } = TurnRowSchema.parse(row);
  const status = ConversationStatusSchema.safeParse(conversation.status);
  return { conversation: { ...conversation, status: status.success ? status.data : "waiting" }, lastSeq: lastSeq ?? 0, storedTurnId };
}

export type TurnReply = { status: ConversationStatus; messages: PublicMessage[] };

const UnansweredRowSchema = z.object({ id: z.string(), text: z.string() });

/**
 * The customer's last message if nobody answered it: the latest customer, bot or agent line is
 * the customer's, and its turn produced nothing else (it was only stored, for a person). A
 * handoff turn's message was answered by the handoff notice; system lines ("Ana joined") and
 * notes answer nothing.
 */
export async function readUnansweredCustomerMessage(conversationId: string): Promise<{ id: string; text: string } | null> {
  const row = await queryOne(
    `SELECT m."id", m."text" FROM "Message" m
      WHERE m."id" = (SELECT l."id" FROM "Message" l WHERE l."conversationId" = ? AND l."role" IN ('customer', 'bot', 'agent') ORDER BY l."seq" DESC LIMIT 1)
        AND m."role" = 'customer'
        AND NOT EXISTS (SELECT 1 FROM "Message" o WHERE o."conversationId" = m."conversationId" AND o."turnId" = m."turnId" AND o."id" <> m."id")`,
    [conversationId],
  );
  return row ? UnansweredRowSchema.parse(row) : null;
}

/** The stored answer of the turn `turnId` (an idempotent replay). */
export async function readStoredTurn(conversationId: string, turnId: string): Promise<TurnReply> {
  const messages = await db.message.findMany({
    where: { conversationId, turnId },
    orderBy: { seq: "asc" },
    select: { id: true, role: true, text: true, createdAt: true, metadata: true },
  });
  const customer = messages.find((message) => message.role === "customer");
  const status = ConversationStatusSchema.safeParse(customer ? parseMessageMetadata(customer.metadata).turnStatus : null);
  return { status: status.success ? status.data : "bot", messages: toPublicMessages(messages) };
}

export type NewMessage = {
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  metadata: MessageMetadata;
  clientMessageId?: string;
  /** The agent who wrote an agent reply or an internal note. */
  authorId?: string;
};

export type NewEvent = { type: string; nodeId?: string | null; payload: Record<string, unknown> };

/** `written` is the metadata as this process wrote it (see readMessageMetadata). */
export type StoredMessage = { id: string; seq: number; role: string; text: string; createdAt: Date; metadata: string; written?: MessageMetadata };

export class TurnConflictError extends Error {
  constructor() {
    super("The conversation changed while the turn ran");
  }
}

// Prisma's unique violation, write conflict and transaction wait timed out.
const RETRYABLE_PRISMA_CODES = ["P2002", "P2034", "P2028"] as const;

/** A conflict worth retrying from a fresh read. */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof TurnConflictError || isUniqueConflict(error) || isBusy(error)) return true;
  return RETRYABLE_PRISMA_CODES.some((code) => hasPrismaCode(error, code));
}

export type TurnCommit = {
  conversationId: string;
  flowId: string;
  readVersion: number;
  firstSeq: number;
  turnId: string | null;
  update: Record<string, SqlAssignment>;
  messages: NewMessage[];
  events: NewEvent[];
  messageMetadataUpdates?: Array<{ id: string; metadata: MessageMetadata }>;
  /** Other rows the turn writes with its own (e.g. the contact the customer just described). */
  alsoWrite?: SqlStatement[];
  /**
   * An extra condition on the version-guarded UPDATE (e.g. "the agent is under capacity"): when
   * it does not hold, the commit fails like a version conflict and writes nothing.
   */
  guard?: SqlStatement;
};

/**
 * Writes a whole turn or nothing, in one transaction: the version-guarded UPDATE, then the
 * messages and events. When the UPDATE matches no row (another writer moved the version on),
 * the transaction rolls back and TurnConflictError is thrown.
 */
export async function commitTurn(commit: TurnCommit): Promise<StoredMessage[]> {
  if (commit.messages.length === 0 && commit.events.length === 0) throw new Error("A turn writes at least one message or event");
  const now = new Date();
  const messageRows = commit.messages.map((message, index) => ({
    id: createRowId(),
    conversationId: commit.conversationId,
    seq: commit.firstSeq + index,
    role: message.role,
    text: message.text,
    clientMessageId: message.clientMessageId ?? null,
    turnId: commit.turnId,
    authorId: message.authorId ?? null,
    metadata: JSON.stringify(message.metadata),
    createdAt: now,
  }));
  const eventRows = commit.events.map((event) => ({
    id: createRowId(),
    conversationId: commit.conversationId,
    flowId: commit.flowId,
    type: event.type,
    nodeId: event.nodeId ?? null,
    payload: JSON.stringify(event.payload),
    createdAt: now,
  }));
  const update = buildUpdate("Conversation", { ...commit.update, version: { increment: 1 }, updatedAt: now }, { id: commit.conversationId, version: commit.readVersion });
  const statements = [
    commit.guard ? { sql: `${update.sql} AND (${commit.guard.sql})`, params: [...update.params, ...commit.guard.params] } : update,
    ...buildInserts("Message", messageRows),
    ...buildInserts("Event", eventRows),
  ];
  for (const change of commit.messageMetadataUpdates ?? []) {
    statements.push(buildUpdate("Message", { metadata: JSON.stringify(change.metadata) }, { id: change.id, conversationId: commit.conversationId }));
  }
  statements.push(...(commit.alsoWrite ?? []));
  try {
    await runWriteTransaction(statements, { guardFirst: true });
  } catch (error) {
    if (error instanceof VersionGuardError) throw new TurnConflictError();
    throw error;
  }
  return messageRows.map(({ id, seq, role, text, createdAt, metadata }, index) => ({ id, seq, role, text, createdAt, metadata, written: commit.messages[index].metadata }));
}

/** Retries `attempt` from a fresh read on conflicts, with jittered backoff; other errors pass through. */
export async function withConflictRetries<T>(attempt: () => Promise<T>, maxAttempts = 20): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableConflict(error) || attemptNumber >= maxAttempts) throw error;
      const backoff = Math.min(200, 5 * 2 ** attemptNumber) * Math.random();
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}
