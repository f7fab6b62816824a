/**
 * Everything the conversation view shows: the transcript with every role (internal notes
 * included: this is the agents' side), the activity around it (handoff, moves, resolve, hand
 * back, rating), the handoff packet, and the contact's earlier conversations.
 */
import { isOfferOutcome, OFFER_OUTCOME_TYPES, toOfferOutcomeEvents } from "~/runtime/offers";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { parseMessageMetadata, type MessageMetadata } from "~/runtime/messages";
import { db } from "~/utils/db.server";
import { parseJsonRecord } from "~/utils/json-record";
import { canSee, type InboxViewer } from "./access.server";
import { capturedContact, parseCapturedFields } from "./captured-contact";
import { describeFlowStep } from "./hand-back.server";
import { readOfferedChoices, type OfferedChoices } from "./offered-choices";
import { priorityName } from "./queues";
import { type ConversationView, type PreviousConversation, type TimelineActivity, type TimelineItem, type TimelineMessage } from "./view";
import { isPreview, REAL_CHANNEL } from "~/vocabulary/channels";
import { RELEASED_BY_SWEEP } from "~/vocabulary/events";
import { labelHandoffTrigger } from "~/vocabulary/handoff-triggers";

const ROLES = new Set(["customer", "bot", "agent", "system", "note"]);
const ACTIVITY_TYPES = ["handoff.queued", "conversation.assigned", "conversation.reassigned", "conversation.resolved", "conversation.reopened", "conversation.handedBack", "conversation.released", "csat.submitted"];

const MESSAGE_SELECT = { id: true, seq: true, role: true, text: true, createdAt: true, metadata: true, author: { select: { name: true } } } as const;

type MessageRow = { id: string; seq: number; role: string; text: string; createdAt: Date; author: { name: string } | null };

function toTimelineMessage(message: MessageRow, metadata: MessageMetadata, offer: OfferedChoices | undefined): TimelineMessage | null {
  if (!ROLES.has(message.role)) return null;
  const { source } = metadata;
  return {
    kind: "message",
    id: message.id,
    seq: message.seq,
    role: message.role as TimelineMessage["role"],
    text: message.text,
    createdAt: message.createdAt.toISOString(),
    authorName: message.author?.name ?? null,
    source: source ? { title: source.title, slug: source.slug } : null,
    ...(offer ? { offer } : {}),
  };
}

/**
 * The line an agent's reply or note was stored as, found by the id the composer gave it: the
 * composer shows it as sent the moment the server answers, not only once the page re-reads.
 */
export async function readSentLine(conversationId: string, clientMessageId: string): Promise<TimelineMessage | null> {
  const message = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId, clientMessageId } }, select: MESSAGE_SELECT });
  return message ? toTimelineMessage(message, parseMessageMetadata(message.metadata), undefined) : null;
}

export async function getConversationView(viewer: InboxViewer, conversationId: string): Promise<ConversationView | null> {
  const row = await db.conversation.findUnique({
    where: { id: conversationId },
    select: {
      id: true,
      status: true,
      priority: true,
      intent: true,
      confidence: true,
      fields: true,
      summary: true,
      handoff: true,
      handoffTrigger: true,
      handoffReason: true,
      channel: true,
      page: true,
      contactId: true,
      createdAt: true,
      flowVersionId: true,
      escalatedAt: true,
      firstEscalatedAt: true,
      firstHumanResponseAt: true,
      resolvedAt: true,
      csat: true,
      agentUnread: true,
      snoozedUntil: true,
      labels: { orderBy: { label: { name: "asc" } }, select: { label: { select: { id: true, name: true, color: true } } } },
      flow: { select: { name: true, slug: true } },
      team: { select: { id: true, slug: true, name: true, slaMinutes: true } },
      assignee: { select: { id: true, name: true } },
      contact: { select: { name: true, email: true, phone: true } },
      messages: { orderBy: { seq: "asc" }, select: MESSAGE_SELECT },
      events: { where: { type: { in: [...ACTIVITY_TYPES, ...OFFER_OUTCOME_TYPES] } }, orderBy: { createdAt: "asc" }, select: { id: true, type: true, nodeId: true, payload: true, createdAt: true } },
    },
  });
  if (!row || isPreview(row)) return null;
  const fields = parseCapturedFields(row.fields);
  const captured = capturedContact(fields);
  const metadata = row.messages.map((message) => parseMessageMetadata(message.metadata));
  const offerOutcomes = toOfferOutcomeEvents(row.events);
  const offers = readOfferedChoices(
    row.messages.map((message, index) => ({ role: message.role, createdAt: message.createdAt, metadata: metadata[index] })),
    offerOutcomes,
  );
  const messages: TimelineMessage[] = row.messages.flatMap((message, index) => toTimelineMessage(message, metadata[index], offers.get(index)) ?? []);
  const activity = await describeEvents(row.events.filter((event) => !isOfferOutcome(event.type)), row.flowVersionId);
  const status = (["bot", "waiting", "open", "resolved"] as const).find((candidate) => candidate === row.status) ?? "waiting";
  return {
    id: row.id,
    status,
    priority: priorityName(row.priority),
    intent: row.intent ? { name: row.intent, confidence: row.confidence } : null,
    fields,
    summary: row.summary,
    packet: parseHandoffPacket(row.handoff),
    trigger: row.handoffTrigger,
    reason: row.handoffReason,
    channel: row.channel,
    page: row.page,
    flow: row.flow,
    team: row.team,
    assignee: row.assignee,
    contact:
      row.contact || captured.name || captured.email || captured.phone
        ? { id: row.contactId, name: row.contact?.name ?? captured.name, email: row.contact?.email ?? captured.email, phone: row.contact?.phone ?? captured.phone }
        : null,
    createdAt: row.createdAt.toISOString(),
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    firstEscalatedAt: (row.firstEscalatedAt ?? row.escalatedAt)?.toISOString() ?? null,
    firstHumanResponseAt: row.firstHumanResponseAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    csat: row.csat,
    unread: row.agentUnread,
    snoozedUntil: row.snoozedUntil && row.snoozedUntil.getTime() > Date.now() ? row.snoozedUntil.toISOString() : null,
    labels: row.labels.map((entry) => entry.label),
    timeline: mergeTimeline(messages, activity),
    previous: await listPreviousConversations(viewer, { contactId: row.contactId, email: row.contact?.email ?? captured.email }, row.id),
  };
}

/** Messages and activity in time order; at the same instant the messages of that commit come first, unless the activity caused them. */
function mergeTimeline(messages: TimelineMessage[], activity: TimelineActivity[]): TimelineItem[] {
  const items: TimelineItem[] = [...messages, ...activity];
  const rank = (item: TimelineItem) => (item.kind === "message" ? 1 : item.leads ? 0 : 2);
  return items
    .map((item, index) => ({ item, index, at: Date.parse(item.createdAt) }))
    .sort((a, b) => a.at - b.at || rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

type EventRow = { id: string; type: string; nodeId: string | null; payload: string; createdAt: Date };

async function describeEvents(events: EventRow[], flowVersionId: string | null): Promise<TimelineActivity[]> {
  const payloads = events.map((event) => parseJsonRecord(event.payload));
  const ids = new Set<string>();
  for (const payload of payloads) for (const key of ["agentId", "by", "from", "to"]) if (typeof payload[key] === "string") ids.add(payload[key] as string);
  const slugs = payloads.flatMap((payload) => (typeof payload.team === "string" ? [payload.team] : []));
  const [users, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { OR: [{ id: { in: [...ids] } }, { slug: { in: slugs } }] }, select: { id: true, slug: true, name: true } }),
  ]);
  // Steps an agent handed back to, by how the hand-back menu named them (not their ids).
  const stepIds = [...new Set(events.flatMap((event) => (event.type === "conversation.handedBack" && event.nodeId ? [event.nodeId] : [])))];
  const stepNames = new Map(
    flowVersionId ? await Promise.all(stepIds.map(async (nodeId) => [nodeId, (await describeFlowStep(flowVersionId, nodeId)) ?? nodeId] as const)) : [],
  );
  const nameOf = (key: unknown) =>
    typeof key === "string" ? users.find((user) => user.id === key)?.name ?? teams.find((team) => team.id === key || team.slug === key)?.name : undefined;
  return events.flatMap((event, index) => {
    const text = describeEvent(event, payloads[index], nameOf, stepNames);
    if (!text) return [];
    const leads = event.type === "conversation.handedBack";
    return [{ kind: "activity" as const, id: event.id, text, createdAt: event.createdAt.toISOString(), ...(leads ? { leads } : {}) }];
  });
}

function describeEvent(event: EventRow, payload: Record<string, unknown>, nameOf: (id: unknown) => string | undefined, stepNames: Map<string, string>): string | null {
  const by = nameOf(payload.by) ?? "An agent";
  switch (event.type) {
    case "handoff.queued": {
      const trigger = labelHandoffTrigger(payload.trigger) ?? "Handoff";
      return `Handed off to ${nameOf(payload.team) ?? String(payload.team ?? "a team")} · ${String(payload.priority ?? "normal")} priority · ${trigger}`;
    }
    case "conversation.assigned":
      // A claim or a first reply already shows as the public "… joined the conversation." line.
      if (payload.mode === "round_robin") return `Assigned to ${nameOf(payload.agentId) ?? "an agent"} automatically (round robin)`;
      if (payload.mode === "manual" && payload.by !== payload.agentId) return `${by} assigned it to ${nameOf(payload.agentId) ?? "an agent"}`;
      return null;
    case "conversation.reassigned":
      return `${by} moved it from ${nameOf(payload.from) ?? "no team"} to ${nameOf(payload.to) ?? "another team"}`;
    case "conversation.resolved":
      return payload.by === "bot" ? "The bot resolved the conversation" : `${nameOf(payload.agentId) ?? "An agent"} resolved the conversation`;
    case "conversation.reopened":
      return typeof payload.by === "string" ? `${by} reopened the conversation` : "The customer wrote again: reopened";
    case "conversation.handedBack":
      return `${by} handed it back to the bot${event.nodeId ? ` at “${stepNames.get(event.nodeId) ?? event.nodeId}”` : ""}${
        typeof payload.pendingMessageId === "string" ? ", with the customer's unanswered message" : ""
      }`;
    case "conversation.released": {
      // A removed person's name is kept in the event: their row is gone.
      const person = nameOf(payload.from) ?? String(payload.fromName ?? "its agent");
      if (payload.reason !== "leftTeam") return `${by} ${payload.reason === "removed" ? "removed" : "deactivated"} ${person}: back in the queue`;
      return payload.by === RELEASED_BY_SWEEP ? `${person} is no longer in the team: back in the queue` : `${by} moved ${person} out of the team: back in the queue`;
    }
    case "csat.submitted":
      return `The customer rated the conversation ${String(payload.csat)}/5`;
    default:
      return null;
  }
}

/** The same contact's other conversations: by contact, and by the email the bot captured (same person, no form filled). */
async function listPreviousConversations(viewer: InboxViewer, who: { contactId: string | null; email: string | null }, currentId: string): Promise<PreviousConversation[]> {
  const email = who.email?.toLowerCase();
  const byContact = [...(who.contactId ? [{ contactId: who.contactId }] : []), ...(email ? [{ contact: { email } }] : [])];
  if (byContact.length === 0) return [];
  const rows = await db.conversation.findMany({
    where: { OR: byContact, id: { not: currentId }, channel: REAL_CHANNEL },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, createdAt: true, status: true, intent: true, summary: true, teamId: true, flowVersionId: true },
  });
  return Promise.all(
    rows.map(async (previous) => {
      const canOpen = await canSee(viewer, previous);
      // Another team's conversation: that it happened, not what it was about.
      return {
        id: previous.id,
        createdAt: previous.createdAt.toISOString(),
        status: previous.status,
        intent: canOpen ? previous.intent : null,
        summary: canOpen ? previous.summary : null,
        canOpen,
      };
    }),
  );
}
