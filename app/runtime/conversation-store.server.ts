/**
 * The turn engine's reads and its one write. Every turn commits in ONE transaction guarded by
 * the conversation's version column: the UPDATE matches only the version the turn read, so a
 * turn computed from a stale read commits nothing and is retried by the caller. Unique indexes
 * on (conversationId, seq) and (conversationId, clientMessageId) are the second line: a
 * duplicate message or a seq collision with another writer also aborts the whole turn.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { MessageMetadata, PublicMessage } from "./messages";
import { parseMessageMetadata, toPublicMessages } from "./messages";

export const ConversationStatusSchema = z.enum(["bot", "waiting", "open", "resolved"]);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

const turnConversationSelect = {
  id: true,
  flowId: true,
  flowVersionId: true,
  contactId: true,
  status: true,
  snapshot: true,
  version: true,
  teamId: true,
  channel: true,
  page: true,
  escalatedAt: true,
} satisfies Prisma.ConversationSelect;

export type TurnConversation = Prisma.ConversationGetPayload<{ select: typeof turnConversationSelect }> & {
  status: ConversationStatus;
};

export async function readTurnConversation(conversationId: string): Promise<TurnConversation | null> {
  const row = await db.conversation.findUnique({ where: { id: conversationId }, select: turnConversationSelect });
  if (!row) return null;
  const status = ConversationStatusSchema.safeParse(row.status);
  return { ...row, status: status.success ? status.data : "waiting" };
}

export async function readLastSeq(conversationId: string): Promise<number> {
  const last = await db.message.findFirst({
    where: { conversationId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return last?.seq ?? 0;
}

export type TurnReply = { status: ConversationStatus; messages: PublicMessage[] };

/** The stored answer of a turn already taken with this clientMessageId, or null. */
export async function findStoredTurn(conversationId: string, clientMessageId: string): Promise<TurnReply | null> {
  const customer = await db.message.findUnique({
    where: { conversationId_clientMessageId: { conversationId, clientMessageId } },
    select: { turnId: true, metadata: true },
  });
  if (!customer?.turnId) return null;
  const messages = await db.message.findMany({
    where: { conversationId, turnId: customer.turnId },
    orderBy: { seq: "asc" },
    select: { id: true, role: true, text: true, createdAt: true, metadata: true },
  });
  const status = ConversationStatusSchema.safeParse(parseMessageMetadata(customer.metadata).turnStatus);
  return { status: status.success ? status.data : "bot", messages: toPublicMessages(messages) };
}

export type NewMessage = {
  role: "customer" | "bot" | "agent" | "system" | "note";
  text: string;
  metadata: MessageMetadata;
  clientMessageId?: string;
};

export type NewEvent = { type: string; nodeId?: string | null; payload: Record<string, unknown> };

export type StoredMessage = { id: string; seq: number; role: string; text: string; createdAt: Date; metadata: string };

export class TurnConflictError extends Error {
  constructor() {
    super("The conversation changed while the turn ran");
  }
}

/** A conflict worth retrying from a fresh read: stale version, or a unique index hit. */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof TurnConflictError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  // P2002 unique violation (seq or clientMessageId), P2034 write conflict, P2028 transaction wait timed out.
  return code === "P2002" || code === "P2034" || code === "P2028";
}

export type TurnCommit = {
  conversationId: string;
  flowId: string;
  readVersion: number;
  firstSeq: number;
  turnId: string | null;
  update: Omit<Prisma.ConversationUpdateManyMutationInput, "version">;
  messages: NewMessage[];
  events: NewEvent[];
  messageMetadataUpdates?: Array<{ id: string; metadata: MessageMetadata }>;
};

/** Writes a whole turn or nothing; throws TurnConflictError when the version moved on. */
export async function commitTurn(commit: TurnCommit): Promise<StoredMessage[]> {
  const now = new Date();
  const rows = commit.messages.map((message, index) => ({
    id: randomUUID(),
    conversationId: commit.conversationId,
    seq: commit.firstSeq + index,
    role: message.role,
    text: message.text,
    clientMessageId: message.clientMessageId ?? null,
    turnId: commit.turnId,
    metadata: JSON.stringify(message.metadata),
    createdAt: now,
  }));
  await db.$transaction(
    async (tx) => {
      const updated = await tx.conversation.updateMany({
        where: { id: commit.conversationId, version: commit.readVersion },
        data: { ...commit.update, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new TurnConflictError();
      if (rows.length > 0) await tx.message.createMany({ data: rows });
      for (const change of commit.messageMetadataUpdates ?? []) {
        await tx.message.update({ where: { id: change.id }, data: { metadata: JSON.stringify(change.metadata) }, select: { id: true } });
      }
      if (commit.events.length > 0) {
        await tx.event.createMany({
          data: commit.events.map((event) => ({
            conversationId: commit.conversationId,
            flowId: commit.flowId,
            type: event.type,
            nodeId: event.nodeId ?? null,
            payload: JSON.stringify(event.payload),
            createdAt: now,
          })),
        });
      }
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  return rows.map(({ id, seq, role, text, createdAt, metadata }) => ({ id, seq, role, text, createdAt, metadata }));
}

/** Retries `attempt` from a fresh read on conflicts, with jittered backoff; other errors pass through. */
export async function withConflictRetries<T>(attempt: () => Promise<T>, maxAttempts = 10): Promise<T> {
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
