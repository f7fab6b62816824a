/**
 * What happens after a generated handoff: an agent of the team claims it and replies after a
 * realistic wait (longer outside 08–20 UTC), the customer answers, the agent resolves it, and
 * some customers rate it — with the rows the inbox writes for it (the "joined" line,
 * conversation.assigned, agent.replied, conversation.resolved). A handoff of the last half hour
 * is still waiting in the queue; every older one has been handled (squeezed into the time there
 * was), so agents start with a clean Mine and a queue that is minutes old, not days.
 */
import type { TimedEvent } from "./converse";
import type { Random } from "./random";

export type Agent = { id: string; name: string };
export type AgentLine = { role: "agent" | "customer" | "system"; text: string; at: number; authorId: string | null };

export type HumanPhase = {
  status: "waiting" | "open" | "resolved";
  assigneeId: string | null;
  firstHumanResponseAt: number | null;
  resolvedAt: number | null;
  lines: AgentLine[];
  events: TimedEvent[];
};

const MINUTE = 60_000;
/** Handoffs younger than this are still waiting for an agent. */
export const WAITING_WINDOW = 30 * MINUTE;

const OPENERS = [
  "I'm looking into this for you now.",
  "Thanks for your patience, I've got all the details the assistant collected.",
  "Sorry for the trouble! Let me check that for you.",
];
const CLOSERS = [
  "All sorted on our side. Is there anything else I can help with?",
  "I've fixed that for you and sent a confirmation email. Have a great day!",
  "Done! You'll get an email with the details shortly.",
];
const THANKS = ["Thanks!", "Great, thank you so much", "ok thanks", "Perfect, that's all I needed"];

function firstName(name: string | null): string {
  return name?.split(" ")[0] ?? "there";
}

export function playHumanPhase(input: { random: Random; escalatedAt: number; now: number; agents: Agent[]; teamName: string; customerName: string | null }): HumanPhase {
  const { random, escalatedAt, now, agents } = input;
  const age = now - escalatedAt;
  if (agents.length === 0 || age < WAITING_WINDOW) return { status: "waiting", assigneeId: null, firstHumanResponseAt: null, resolvedAt: null, lines: [], events: [] };
  const hour = new Date(escalatedAt).getUTCHours();
  const offHours = hour < 8 || hour >= 20;
  // Each step takes its realistic time, but never more than its share of the time until now.
  const budget = age - MINUTE;
  const replyAt = escalatedAt + Math.round(Math.min(random.logNormal(offHours ? 28 * MINUTE : 4 * MINUTE, 0.85), budget * 0.4));
  const thanksAt = replyAt + Math.round(Math.min(random.logNormal(1.5 * MINUTE, 0.5), budget * 0.2));
  const resolveAt = thanksAt + Math.round(Math.min(random.logNormal(12 * MINUTE, 0.8), budget * 0.3));
  const agent = random.pick(agents);
  const reply = `Hi ${firstName(input.customerName)}, ${firstName(agent.name)} from the ${input.teamName} team here. ${random.pick(OPENERS)}`;
  const lines: AgentLine[] = [
    { role: "system", text: `${firstName(agent.name)} joined the conversation.`, at: replyAt - 2_000, authorId: null },
    { role: "agent", text: reply, at: replyAt, authorId: agent.id },
    { role: "customer", text: random.pick(THANKS), at: thanksAt, authorId: null },
    { role: "agent", text: random.pick(CLOSERS), at: resolveAt - 20_000, authorId: agent.id },
  ];
  const events: TimedEvent[] = [
    { type: "conversation.assigned", nodeId: null, payload: { agentId: agent.id, by: agent.id, mode: "reply" }, at: replyAt },
    { type: "agent.replied", nodeId: null, payload: { agentId: agent.id, length: reply.length, first: true }, at: replyAt },
    { type: "conversation.resolved", nodeId: null, payload: { by: "agent", agentId: agent.id }, at: resolveAt },
  ];
  return { status: "resolved", assigneeId: agent.id, firstHumanResponseAt: replyAt, resolvedAt: resolveAt, lines, events };
}

/** A CSAT rating or null (most customers don't rate); escalations after a failure or a complaint rate lower. */
export function drawCsat(random: Random, kind: "bot" | "escalated" | "upset"): number | null {
  const responseRate = kind === "bot" ? 0.55 : 0.45;
  if (!random.chance(responseRate)) return null;
  const weights = { bot: [4, 5, 11, 30, 50], escalated: [6, 7, 14, 33, 40], upset: [14, 14, 22, 28, 22] }[kind];
  return random.weighted([1, 2, 3, 4, 5], (_, index) => weights[index]);
}
