/**
 * GENERATED DEMO DATA: a few hundred past conversations of the published starter flows over
 * the last days, so analytics and the inbox look alive in the demo. Seeded: it returns rows
 * (contacts, conversations, messages, events) that seed-history.server.ts writes. Every
 * conversation is run by the real flow engine (converse.ts: the compiled flow, scripted
 * engines, a scripted customer), so what the bot said and the events it recorded are exactly
 * what the runtime would store; the runtime's own additions (conversation.started, the handoff
 * notice and packet, conversation.resolved, the agent's side) are added here the way the
 * runtime and the inbox write them. Timestamps are in order and never after `now`. The inbox
 * it leaves is the one a team starts a day with: everything older than a few minutes has been
 * handled (a clean Mine), and each team has a few handoffs waiting for minutes, not days.
 * Customers cannot open these conversations: their token hash is a marker, not a token's hash.
 */
import { compileFlow, getNodeKind, phrasesFor, type FlowDocument, type FlowMachine, type FlowServices } from "~/flow";
import { PRIORITY_RANK, type HandoffPacket } from "~/runtime/handoff-packet";
import { describeHandoffCause } from "~/runtime/handoff-cause";
import { converse, type Line, type ScriptedConversation, type TimedEvent } from "./converse";
import { createScriptedEngines, type DemoArticle } from "./engines";
import { drawCsat, playHumanPhase, type Agent } from "./human-phase";
import { createRandom, type Random } from "./random";

export type { DemoArticle };

export const DEMO_TOKEN_PREFIX = "demo-history:";

export type DemoFlow = { id: string; versionId: string; versionNumber: number; document: FlowDocument };
type RunnableFlow = DemoFlow & { machine: FlowMachine };
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

const MINUTE = 60_000;
/** Each team with agents starts with this many handoffs waiting in its queue, made 4–28 minutes ago. */
const FRESH = { perTeam: 2, attemptsPerTeam: 80, minMinutes: 4, maxMinutes: 28 };

/** Bot lines of kinds that ask the customer something, once each, and the articles shown: what the packet says was tried. */
function triedOf(lines: Line[], document: FlowDocument): HandoffPacket["tried"] {
  const kinds = new Map(document.nodes.map((node) => [node.id, node.kind]));
  const articles = new Map<string, HandoffPacket["tried"]["articlesShown"][number]>();
  const questions: string[] = [];
  for (const line of lines) {
    if (line.role !== "bot") continue;
    const { source, confidence, nodeId } = line.metadata as { source?: { articleId: string; slug: string; title: string }; confidence?: number; nodeId?: string };
    if (source) articles.set(source.articleId, { id: source.articleId, slug: source.slug, title: source.title, ...(confidence !== undefined ? { confidence } : {}) });
    const kind = nodeId ? kinds.get(nodeId) : undefined;
    if (kind && getNodeKind(kind).asksQuestions) questions.push(line.text);
  }
  return { articlesShown: [...articles.values()], questionsAsked: [...new Set(questions)] };
}

/** The reason, then the customer's last messages verbatim (as the runtime's summaries end). */
function summaryOf(reason: string, lines: Line[]): string {
  const last = lines.filter((line) => line.role === "customer" && line.text.trim() !== "").slice(-2);
  if (last.length === 0) return reason;
  return [reason, last.length === 1 ? "The customer's last message:" : "The customer's last two messages:", ...last.map((line) => `“${line.text}”`)].join("\n");
}

export async function generateDemoHistory(input: DemoHistoryInput): Promise<DemoHistory> {
  const random = createRandom(input.seed);
  const newId = createIds(random);
  const history: DemoHistory = { contacts: [], conversations: [], messages: [], events: [] };
  if (input.flows.length === 0) return history;
  const flows: RunnableFlow[] = input.flows.map((flow) => ({ ...flow, machine: compileFlow(flow.document).machine }));
  const engines: FlowServices = createScriptedEngines(random, input.articles);
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

  const record = (flow: RunnableFlow, startAt: number, contact: ContactState | null, run: ScriptedConversation) => {
    const id = newId(startAt);
    const channel = random.chance(0.3) ? "widget" : "web";
    const page = channel === "widget" ? random.pick(PAGES) : null;
    const lines: Array<Omit<Line, "role"> & { role: string; authorId?: string | null }> = [...run.lines];
    const events: TimedEvent[] = [{ type: "conversation.started", nodeId: null, payload: { flowVersionId: flow.versionId, number: flow.versionNumber, channel, page }, at: startAt }, ...run.events];
    const row: ConversationRow = {
      id,
      flowId: flow.id,
      flowVersionId: flow.versionId,
      contactId: contact?.id ?? null,
      status: "bot",
      teamId: null,
      assigneeId: null,
      priority: PRIORITY_RANK.normal,
      intent: run.state.intent?.name ?? null,
      confidence: run.state.intent?.confidence ?? null,
      fields: JSON.stringify(run.state.fields),
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

    const { outcome } = run;
    if (outcome.kind === "resolved") {
      const csat = drawCsat(random, "bot");
      Object.assign(row, { status: "resolved", resolvedAt: new Date(outcome.at), csat });
      events.push({ type: "conversation.resolved", nodeId: outcome.nodeId, payload: { by: "bot" }, at: outcome.at });
      if (csat !== null) events.push({ type: "csat.submitted", nodeId: null, payload: { csat }, at: outcome.at + 25_000 });
    } else if (outcome.kind === "handoff") {
      const { request } = outcome;
      const team = teams.get(request.team);
      const teamName = team?.name ?? request.team;
      // The runtime's one notice naming the team, unless the flow's escalate step said its own.
      if (!request.announced) lines.push({ role: "system", text: phrasesFor(flow.document.settings.locale).handoff(teamName), at: outcome.at, metadata: {} });
      const cause = request.trigger === "node" && request.nodeId ? describeHandoffCause({ escalateNodeId: request.nodeId, nodes: flow.document.nodes, events: run.events, state: run.state }) : null;
      // The flow's `handoff` event completed with what only the runtime knows (runtime/handoff.server.ts).
      const handoffEvent = [...events].reverse().find((event) => event.type === "handoff");
      const payload = { team: request.team, teamFound: Boolean(team), priority: request.priority, trigger: request.trigger, reason: request.reason, ...(cause ? { cause } : {}) };
      if (handoffEvent) handoffEvent.payload = payload;
      else events.push({ type: "handoff", nodeId: request.nodeId ?? null, payload, at: outcome.at });
      const transcriptLines = lines.filter((line): line is Line => line.role === "customer" || line.role === "bot" || line.role === "system");
      const summary = summaryOf(request.reason, transcriptLines);
      const packet: HandoffPacket = {
        version: 1,
        createdAt: new Date(outcome.at).toISOString(),
        trigger: request.trigger,
        cause,
        reason: request.reason,
        priority: request.priority,
        team: { slug: request.team, name: team?.name ?? null },
        nodeId: request.nodeId ?? null,
        channel,
        page,
        intent: run.state.intent,
        fields: run.state.fields,
        summary,
        tried: triedOf(run.lines, flow.document),
        transcript: transcriptLines.map((line) => ({ role: line.role, text: line.text, createdAt: new Date(line.at).toISOString() })),
        contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
        previousConversations: (contact?.history ?? [])
          .slice(-10)
          .reverse()
          .map((past) => ({ ...past, createdAt: new Date(past.createdAt).toISOString() })),
      };
      const human = playHumanPhase({ random, escalatedAt: outcome.at, now: input.now, agents: team?.agents ?? [], teamName, customerName: contact?.name ?? null });
      lines.push(...human.lines.map((line) => ({ ...line, metadata: {} })));
      events.push(...human.events);
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
      if (human.resolvedAt !== null && csat !== null) events.push({ type: "csat.submitted", nodeId: null, payload: { csat }, at: ratedAt });
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
  };

  // The fresh handoffs are run first (their count decides how many past ones there are) and recorded last, in time order.
  const fresh = await runFreshHandoffs({ flows, engines, random, teams: input.teams, now: input.now });
  for (const startAt of drawStartTimes(random, { ...input, conversations: Math.max(0, input.conversations - fresh.length) })) {
    const flow = random.pick(flows);
    const contact = chooseContact(startAt);
    const run = await converse({ document: flow.document, machine: flow.machine, engines, random, startAt, customer: { name: contact?.name ?? null, email: contact?.email ?? null } });
    record(flow, startAt, contact, run);
  }
  for (const { flow, startAt, run } of fresh.sort((a, b) => a.startAt - b.startAt)) record(flow, startAt, chooseContact(startAt), run);
  return history;
}

type FreshHandoff = { flow: RunnableFlow; startAt: number; run: ScriptedConversation };

/** For each team with agents, a few conversations of the last half hour that ended in a handoff to it (some customers ask for a person straight away). */
async function runFreshHandoffs(input: { flows: RunnableFlow[]; engines: FlowServices; random: Random; teams: DemoTeam[]; now: number }): Promise<FreshHandoff[]> {
  const { random } = input;
  const found: FreshHandoff[] = [];
  for (const team of input.teams.filter((candidate) => candidate.agents.length > 0)) {
    let count = 0;
    for (let attempt = 0; attempt < FRESH.attemptsPerTeam && count < FRESH.perTeam; attempt += 1) {
      const flow = random.pick(input.flows);
      const startAt = input.now - random.int(FRESH.minMinutes, FRESH.maxMinutes) * MINUTE;
      const askForPerson = flow.document.settings.humanRequest.team === team.slug && random.chance(0.5);
      const run = await converse({ document: flow.document, machine: flow.machine, engines: input.engines, random, startAt, customer: { name: null, email: null }, askForPerson });
      if (run.outcome.kind !== "handoff" || run.outcome.request.team !== team.slug || run.endedAt > input.now - MINUTE) continue;
      found.push({ flow, startAt, run });
      count += 1;
    }
  }
  return found;
}
