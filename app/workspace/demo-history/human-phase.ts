/**
 * What happens after a generated handoff: an agent of the team claims it and replies after a
 * realistic wait (longer outside 08–20 UTC), the customer answers, the agent resolves it, and
 * some customers rate it. Anything that would happen after `now` has not happened yet, which
 * leaves the freshest handoffs waiting or open, as in a real queue.
 */
import type { Random } from "./random";

export type Agent = { id: string; name: string };
export type AgentLine = { role: "agent" | "customer"; text: string; at: number; authorId: string | null };

export type HumanPhase = {
  status: "waiting" | "open" | "resolved";
  assigneeId: string | null;
  firstHumanResponseAt: number | null;
  resolvedAt: number | null;
  lines: AgentLine[];
};

const MINUTE = 60_000;
/** Share of the last day and a half's handoffs nobody has picked up yet. */
const RECENT_UNCLAIMED = 0.3;
const RECENT = 36 * 60 * MINUTE;

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
  const waiting: HumanPhase = { status: "waiting", assigneeId: null, firstHumanResponseAt: null, resolvedAt: null, lines: [] };
  if (agents.length === 0 || (now - escalatedAt < RECENT && random.chance(RECENT_UNCLAIMED))) return waiting;
  const hour = new Date(escalatedAt).getUTCHours();
  const offHours = hour < 8 || hour >= 20;
  const replyAt = escalatedAt + Math.round(random.logNormal(offHours ? 28 * MINUTE : 4 * MINUTE, 0.85));
  if (replyAt > now) return waiting;
  const agent = random.pick(agents);
  const lines: AgentLine[] = [
    { role: "agent", text: `Hi ${firstName(input.customerName)}, ${firstName(agent.name)} from the ${input.teamName} team here. ${random.pick(OPENERS)}`, at: replyAt, authorId: agent.id },
  ];
  const thanksAt = replyAt + Math.round(random.logNormal(1.5 * MINUTE, 0.5));
  if (thanksAt <= now) lines.push({ role: "customer", text: random.pick(THANKS), at: thanksAt, authorId: null });
  const resolveAt = thanksAt + Math.round(random.logNormal(12 * MINUTE, 0.8));
  // Only what is still being worked on is open: agents start with a clean Mine, not a stale backlog.
  if (resolveAt > now) return { status: "open", assigneeId: agent.id, firstHumanResponseAt: replyAt, resolvedAt: null, lines };
  lines.push({ role: "agent", text: random.pick(CLOSERS), at: resolveAt - 20_000, authorId: agent.id });
  return { status: "resolved", assigneeId: agent.id, firstHumanResponseAt: replyAt, resolvedAt: resolveAt, lines };
}

/** A CSAT rating or null (most customers don't rate); escalations after a failure or a complaint rate lower. */
export function drawCsat(random: Random, kind: "bot" | "escalated" | "upset"): number | null {
  const responseRate = kind === "bot" ? 0.55 : 0.45;
  if (!random.chance(responseRate)) return null;
  const weights = { bot: [4, 5, 11, 30, 50], escalated: [6, 7, 14, 33, 40], upset: [14, 14, 22, 28, 22] }[kind];
  return random.weighted([1, 2, 3, 4, 5], (_, index) => weights[index]);
}
