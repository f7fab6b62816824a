/**
 * Arranges conversations and events with known outcomes for the analytics integration tests,
 * through Prisma on the test file's own database (the same columns and formats the runtime writes),
 * or on the client passed in (a browser test's app database: importing ~/utils/db.server there
 * would open the process's default database, so it is only imported when no client is given).
 */
import type { Db } from "~/utils/db.server";

const defaultDb = async (): Promise<Db> => (await import("~/utils/db.server")).db;

export type FixtureFlow = { id: string; versionId: string; previewVersionId: string };

export async function createFixtureFlow(input: { slug: string; name: string; defaultTeam: string }, client?: Db): Promise<FixtureFlow> {
  const db = client ?? (await defaultDb());
  const trigger = { enabled: true, team: input.defaultTeam, priority: "normal" };
  const document = JSON.stringify({
    schemaVersion: 1,
    name: input.name,
    slug: input.slug,
    settings: { defaultTeam: input.defaultTeam, humanRequest: trigger, repeatedFailure: { ...trigger, limit: 2 }, sensitive: { ...trigger, terms: ["lawyer"] } },
    nodes: [
      { id: "start", kind: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi" } },
      { id: "ask", kind: "collect", position: { x: 1, y: 0 }, data: { field: "order_id", question: "Order?" } },
      { id: "done", kind: "end", position: { x: 2, y: 0 }, data: { text: "Bye" } },
      { id: "human", kind: "escalate", position: { x: 2, y: 1 }, data: { team: input.defaultTeam } },
      { id: "lonely", kind: "message", position: { x: 3, y: 3 }, data: { text: "Never reached" } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "captured", target: "done" },
      { id: "e3", source: "ask", sourceHandle: "failed", target: "human" },
    ],
  });
  const flow = await db.flow.create({ data: { slug: input.slug, name: input.name, draft: document }, select: { id: true } });
  const version = await db.flowVersion.create({ data: { flowId: flow.id, number: 1, document, documentHash: `${input.slug}-1`, publishedAt: new Date() }, select: { id: true } });
  const preview = await db.flowVersion.create({ data: { flowId: flow.id, number: null, document, documentHash: `${input.slug}-draft` }, select: { id: true } });
  return { id: flow.id, versionId: version.id, previewVersionId: preview.id };
}

export type FixtureConversation = {
  flow: FixtureFlow;
  createdAt: string;
  status?: "bot" | "waiting" | "open" | "resolved";
  channel?: string;
  teamId?: string | null;
  contactId?: string | null;
  escalatedAfterMinutes?: number;
  repliedAfterMinutes?: number;
  csat?: number;
  trigger?: string;
  handoffNodeId?: string;
  /** The nodes entered, in order; consecutive entries share a timestamp when `sameTurn`. */
  nodes?: string[];
  sameTurn?: boolean;
  /** Who resolved it (a `conversation.resolved` event, as the inbox and the bot write it); needs status "resolved". */
  closedBy?: "agent" | "bot";
  /** The team it was handed to and moved away from (a `conversation.reassigned` event) this many minutes after the handoff. */
  movedFrom?: { teamId: string; afterMinutes: number };
};

let sequence = 0;
const MINUTE = 60_000;

export async function addConversation(input: FixtureConversation, client?: Db): Promise<string> {
  const db = client ?? (await defaultDb());
  sequence += 1;
  const createdAt = new Date(input.createdAt);
  const escalatedAt = input.escalatedAfterMinutes === undefined ? null : new Date(createdAt.getTime() + input.escalatedAfterMinutes * MINUTE);
  const firstHumanResponseAt = escalatedAt && input.repliedAfterMinutes !== undefined ? new Date(escalatedAt.getTime() + input.repliedAfterMinutes * MINUTE) : null;
  const status = input.status ?? "bot";
  const conversation = await db.conversation.create({
    data: {
      flowId: input.flow.id,
      flowVersionId: input.channel === "preview" ? input.flow.previewVersionId : input.flow.versionId,
      status,
      channel: input.channel ?? "web",
      teamId: input.teamId ?? null,
      contactId: input.contactId ?? null,
      tokenHash: `fixture-${sequence}-${Math.random()}`,
      escalatedAt,
      firstHumanResponseAt,
      resolvedAt: status === "resolved" ? new Date(createdAt.getTime() + 30 * MINUTE) : null,
      csat: input.csat ?? null,
      handoffTrigger: escalatedAt ? (input.trigger ?? "node") : null,
      handoffNodeId: escalatedAt ? (input.handoffNodeId ?? "human") : null,
      createdAt,
    },
    select: { id: true },
  });
  const nodes = input.nodes ?? [];
  await db.event.createMany({
    data: nodes.map((nodeId, index) => ({
      // Time-ordered ids, like the runtime's (ids.server.ts): within one timestamp the later event sorts last.
      id: `e${String(sequence).padStart(5, "0")}${String(index).padStart(3, "0")}`,
      conversationId: conversation.id,
      flowId: input.flow.id,
      type: "node.entered",
      nodeId,
      payload: "{}",
      createdAt: new Date(createdAt.getTime() + (input.sameTurn ? 0 : index * 1_000)),
    })),
  });
  const outcomes = [];
  if (input.movedFrom && escalatedAt) {
    const payload = { from: input.movedFrom.teamId, to: input.teamId ?? null, by: "fixture", note: false };
    outcomes.push({ type: "conversation.reassigned", payload, createdAt: new Date(escalatedAt.getTime() + input.movedFrom.afterMinutes * MINUTE) });
  }
  if (input.closedBy && status === "resolved") {
    // As the runtime: the bot gets a handed-off conversation back only through a hand-back, in the
    // same write as its first step (runtime/turn.server.ts handBackToBot).
    if (input.closedBy === "bot" && escalatedAt) outcomes.push({ type: "conversation.handedBack", payload: { by: "fixture" }, createdAt: new Date(createdAt.getTime() + 30 * MINUTE) });
    outcomes.push({ type: "conversation.resolved", payload: { by: input.closedBy }, createdAt: new Date(createdAt.getTime() + 30 * MINUTE) });
  }
  await db.event.createMany({
    data: outcomes.map((event, index) => ({
      id: `e${String(sequence).padStart(5, "0")}z${index}`,
      conversationId: conversation.id,
      flowId: input.flow.id,
      type: event.type,
      nodeId: null,
      payload: JSON.stringify(event.payload),
      createdAt: event.createdAt,
    })),
  });
  return conversation.id;
}
