/**
 * Labels agents put on conversations ("refund", "vip"): one workspace-wide set, created by any
 * agent as they label (like Chatwoot's), applied to and removed from conversations the agent may
 * act on (the route checks access), and used to filter any queue.
 */
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { QueueRow } from "./queues";

export type LabelItem = { id: string; name: string; color: string };

const COLORS = ["blue", "green", "amber", "rose", "violet", "teal", "slate"] as const;

export async function listLabels(): Promise<LabelItem[]> {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, color: true } });
}

/** The labels of each listed conversation, in one query. */
export async function listLabelsOf(conversationIds: string[]): Promise<Map<string, QueueRow["labels"]>> {
  const byConversation = new Map<string, QueueRow["labels"]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db.conversationLabel.findMany({
    where: { conversationId: { in: conversationIds } },
    orderBy: { label: { name: "asc" } },
    select: { conversationId: true, label: { select: { id: true, name: true, color: true } } },
  });
  for (const row of rows) byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row.label]);
  return byConversation;
}

/** Applies the label called `name` (made on first use; names match case-insensitively). */
export async function applyLabelByName(conversationId: string, name: string): Promise<LabelItem> {
  const clean = name.trim().replace(/\s+/g, " ");
  const existing = (await listLabels()).find((label) => label.name.toLowerCase() === clean.toLowerCase());
  const label =
    existing ??
    (await db.label
      .create({ data: { name: clean, color: COLORS[(await db.label.count()) % COLORS.length] }, select: { id: true, name: true, color: true } })
      .catch(async (error: unknown) => {
        // Two agents made the same label at once: use theirs.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return db.label.findUniqueOrThrow({ where: { name: clean }, select: { id: true, name: true, color: true } });
        throw error;
      }));
  await db.conversationLabel.upsert({
    where: { conversationId_labelId: { conversationId, labelId: label.id } },
    create: { conversationId, labelId: label.id },
    update: {},
    select: { labelId: true },
  });
  return label;
}

export async function removeLabel(conversationId: string, labelId: string): Promise<void> {
  await db.conversationLabel.deleteMany({ where: { conversationId, labelId } });
}
