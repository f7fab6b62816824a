/**
 * GENERATED DEMO DATA: a few hundred past conversations of the published starter flows over
 * the last days, so analytics and the inbox look alive in the demo. Pure and seeded: it returns
 * rows (contacts, conversations, messages, events) that seed-history.server.ts writes. Every
 * conversation is consistent with its flow (walk.ts), its timestamps are in order and never
 * after `now`, and its handoff packet has the shape the inbox reads. Customers cannot open
 * these conversations: their token hash is a marker, not the hash of any token.
 */
import type { FlowDocument } from "~/flow";
import { PRIORITY_RANK, type HandoffPacket } from "~/runtime/handoff-packet";
import { drawCsat, playHumanPhase, type Agent } from "./human-phase";
import { createRandom, type Random } from "./random";
import { walkFlow, type DemoArticle, type Line, type WalkEvent } from "./walk";

export const DEMO_TOKEN_PREFIX = "demo-history:";

export type DemoFlow = { id: string; versionId: string; versionNumber: number; document: FlowDocument };
export type DemoTeam = { id: string; slug: string; name: string; agents: Agent[] };
export type DemoHistoryInput = { flows: DemoFlow[]; teams: DemoTeam[]; articles: DemoArticle[]; now: number; conversations: number; days: number; seed: number };
type Time = Date;
/** Rows with every column set (bulk inserts take their columns from the first row). */
export type ContactRow = { id: string; name: string; email: string; createdAt: Time };
export type ConversationRow = {
  id: string;
  flowId: string;
  flowVersionId: string;
  contactId: string | null;
  status: string;
  teamId: string | null;
  assigneeId: string | null;
  priority: number;
  intent: string | null;
  confidence: number | null;
  fields: string;
  summary: string | null;
  handoff: string | null;
  handoffReason: string | null;
  handoffTrigger: string | null;
  handoffNodeId: string | null;
  channel: string;
  page: string | null;
  tokenHash: string;
  agentUnread: number;
  escalatedAt: Time | null;
  firstEscalatedAt: Time | null;
  firstHumanResponseAt: Time | null;
  resolvedAt: Time | null;
  csat: number | null;
  lastMessageAt: Time;
  createdAt: Time;
  updatedAt: Time;
};
export type MessageRow = { id: string; conversationId: string; seq: number; role: string; text: string; authorId: string | null; metadata: string; createdAt: Time };
export type EventRow = { id: string; conversationId: string; flowId: string; type: string; nodeId: string | null; payload: string; createdAt: Time };
export type DemoHistory = { contacts: ContactRow[]; conversations: ConversationRow[]; messages: MessageRow[]; events: EventRow[] };

const DAY = 24 * 60 * 60 * 1000;
const FIRST = ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Yuki", "Zoe"];
const LAST = ["Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka", "Walker", "Young", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia"];
const PAGES = ["https://threads.example/orders", "https://threads.example/returns", "https://threads.example/help/shipping"];
/** Hours (UTC) people write in, 0..23. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 10, 11, 11, 10, 9, 8, 7, 6, 4, 3, 2];
const HOURS = HOUR_WEIGHTS.map((_, hour) => hour);
const CONTACT_SHARE = 0.82;
const RETURNING_SHARE = 0.12;

function createIds(random: Random) {
  let counter = 0;
  // Time-ordered like the runtime's row ids (ids.server.ts): events of one moment keep their order.
  return (at: number) => {
    counter += 1;
    const tail = Array.from({ length: 8 }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[random.int(0, 35)]).join("");
    return `c${at.toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${tail}`;
  };
}

function drawStartTimes(random: Random, input: DemoHistoryInput): number[] {
  const today = input.now - (input.now % DAY);
  const days = Array.from({ length: input.days }, (_, back) => today - back * DAY);
  const latest = input.now - 45 * 60_000;
  const starts: number[] = [];
  while (starts.length < input.conversations) {
    // A little growth over the month, and quieter weekends.
    const day = random.weighted(days, (start, back) => (1 + (0.35 * (input.days - back)) / input.days) * ([0, 6].includes(new Date(start).getUTCDay()) ? 0.6 : 1));
    const hour = random.weighted(HOURS, (h) => HOUR_WEIGHTS[h]);
    const at = day + hour * 3_600_000 + random.int(0, 3_599_999);
    if (at <= latest) starts.push(at);
  }
  return starts.sort((a, b) => a - b);
}

type ContactState = { id: string; name: string; email: string; history: Array<{ id: string; createdAt: number; status: string; intent: string | null; summary: string | null }> };

export function generateDemoHistory(input: DemoHistoryInput): DemoHistory {
  const random = createRandom(input.seed);
  const newId = createIds(random);
  const history: DemoHistory = { contacts: [], conversations: [], messages: [], events: [] };
  if (input.flows.length === 0) return history;
  const teams = new Map(input.teams.map((team) => [team.slug, team]));
  const contacts: ContactState[] = [];
  const emails = new Set<string>();

  const chooseContact = (at: number): ContactState | null => {
    if (!random.chance(CONTACT_SHARE)) return null;
    const recent = contacts.filter((contact) => contact.history.some((past) => at - past.createdAt < 6 * DAY));
    if (recent.length > 0 && random.chance(RETURNING_SHARE)) return random.pick(recent);
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    let email = `${name.toLowerCase().replace(" ", ".")}@example.com`;
    for (let n = 2; emails.has(email); n += 1) email = `${name.toLowerCase().replace(" ", ".")}${n}@example.com`;
    emails.add(email);
    const contact = { id: newId(at), name, email, history: [] };
    contacts.push(contact);
    history.contacts.push({ id: contact.id, name, email, createdAt: new Date(at) });
    return contact;
  };

  for (const startAt of drawStartTimes(random, input)) {
    const flow = random.pick(input.flows);
    const contact = chooseContact(startAt);
    const id = newId(startAt);
    const channel = random.chance(0.3) ? "widget" : "web";
    const page = channel === "widget" ? random.pick(PAGES) : null;
    const walk = walkFlow(flow.document, { random, startAt, customer: { name: contact?.name ?? null, email: contact?.email ?? null }, articles: input.articles });
    const lines: Array<Omit<Line, "role"> & { role: string; authorId?: string | null }> = [...walk.lines];
    const events: WalkEvent[] = [{ type: "conversation.started", nodeId: null, payload: { flowVersionId: flow.versionId, number: flow.versionNumber, channel, page }, at: startAt }, ...walk.events];
    const row: ConversationRow = {
      id,
      flowId: flow.id,
      flowVersionId: flow.versionId,
      contactId: contact?.id ?? null,
      status: "bot",
      teamId: null,
      assigneeId: null,
      priority: PRIORITY_RANK.normal,
      intent: walk.intent?.name ?? null,
      confidence: walk.intent?.confidence ?? null,
      fields: JSON.stringify(walk.fields),
      summary: null,
      handoff: null,
      handoffReason: null,
      handoffTrigger: null,
      handoffNodeId: null,
      channel,
      page,
      tokenHash: `${DEMO_TOKEN_PREFIX}${id}`,
      agentUnread: 0,
      escalatedAt: null,
      firstEscalatedAt: null,
      firstHumanResponseAt: null,
      resolvedAt: null,
      csat: null,
      lastMessageAt: new Date(startAt),
      createdAt: new Date(startAt),
      updatedAt: new Date(startAt),
    };

    const { outcome } = walk;
    if (outcome.kind === "resolved") {
      const csat = drawCsat(random, "bot");
      Object.assign(row, { status: "resolved", resolvedAt: new Date(outcome.at), csat });
      events.push({ type: "conversation.resolved", nodeId: null, payload: { by: "bot" }, at: outcome.at });
      if (csat !== null) events.push({ type: "csat.submitted", nodeId: null, payload: { csat }, at: outcome.at + 25_000 });
    } else if (outcome.kind === "handoff") {
      const { request } = outcome;
      const team = teams.get(request.team);
      const teamName = team?.name ?? request.team;
      const system = { role: "system" as const, text: `You're being connected to our ${teamName} team. A person will reply here.`, at: outcome.at, metadata: {} };
      lines.push(system);
      events.push({ type: "handoff.queued", nodeId: request.nodeId ?? null, payload: { team: request.team, teamFound: Boolean(team), priority: request.priority, trigger: request.trigger, reason: request.reason }, at: outcome.at });
      const lastCustomerLine = walk.lines.filter((line) => line.role === "customer").at(-1)?.text;
      const summary = [request.reason, lastCustomerLine ? `Customer said: "${lastCustomerLine}"` : ""].filter(Boolean).join(". ");
      const packet: HandoffPacket = {
        version: 1,
        createdAt: new Date(outcome.at).toISOString(),
        trigger: request.trigger,
        reason: request.reason,
        priority: request.priority,
        team: { slug: request.team, name: team?.name ?? null },
        nodeId: request.nodeId ?? null,
        channel,
        page,
        intent: walk.intent,
        fields: walk.fields,
        summary,
        tried: { articlesShown: walk.articlesShown.map(({ id: articleId, slug, title }) => ({ id: articleId, slug, title })), questionsAsked: walk.questionsAsked },
        transcript: [...walk.lines, system].map((line) => ({ role: line.role, text: line.text, createdAt: new Date(line.at).toISOString() })),
        contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
        previousConversations: (contact?.history ?? [])
          .slice(-10)
          .reverse()
          .map((past) => ({ ...past, createdAt: new Date(past.createdAt).toISOString() })),
      };
      const human = playHumanPhase({ random, escalatedAt: outcome.at, now: input.now, agents: team?.agents ?? [], teamName, customerName: contact?.name ?? null });
      lines.push(...human.lines.map((line) => ({ ...line, metadata: {} })));
      const upset = request.trigger === "sensitive" || request.trigger === "repeatedFailure";
      const ratedAt = (human.resolvedAt ?? Infinity) + 40_000;
      const csat = ratedAt <= input.now ? drawCsat(random, upset ? "upset" : "escalated") : null;
      Object.assign(row, {
        status: human.status,
        teamId: team?.id ?? null,
        assigneeId: human.assigneeId,
        priority: PRIORITY_RANK[request.priority],
        summary,
        handoff: JSON.stringify(packet),
        handoffReason: request.reason,
        handoffTrigger: request.trigger,
        handoffNodeId: request.nodeId ?? null,
        escalatedAt: new Date(outcome.at),
        firstEscalatedAt: new Date(outcome.at),
        firstHumanResponseAt: human.firstHumanResponseAt === null ? null : new Date(human.firstHumanResponseAt),
        resolvedAt: human.resolvedAt === null ? null : new Date(human.resolvedAt),
        agentUnread: human.status === "waiting" ? 1 : 0,
        csat,
      });
      if (human.resolvedAt !== null) {
        events.push({ type: "conversation.resolved", nodeId: null, payload: { by: "agent", userId: human.assigneeId }, at: human.resolvedAt });
        if (csat !== null) events.push({ type: "csat.submitted", nodeId: null, payload: { csat }, at: ratedAt });
      }
    }

    const lastAt = Math.max(startAt, ...lines.map((line) => line.at), ...events.map((event) => event.at));
    row.lastMessageAt = new Date(Math.max(startAt, ...lines.map((line) => line.at)));
    row.updatedAt = new Date(lastAt);
    history.conversations.push(row);
    lines.forEach((line, index) => {
      history.messages.push({ id: newId(line.at), conversationId: id, seq: index + 1, role: line.role, text: line.text, authorId: line.authorId ?? null, metadata: JSON.stringify(line.metadata), createdAt: new Date(line.at) });
    });
    for (const event of events) {
      history.events.push({ id: newId(event.at), conversationId: id, flowId: flow.id, type: event.type, nodeId: event.nodeId, payload: JSON.stringify(event.payload), createdAt: new Date(event.at) });
    }
    contact?.history.push({ id, createdAt: startAt, status: row.status, intent: row.intent, summary: row.summary });
  }
  return history;
}
