/**
 * One generated conversation, run by the real flow engine: the compiled flow's
 * startConversation / runTurn (what the runtime calls for every chat message) with scripted
 * engines, and a scripted customer whose replies come from the waiting node's kind
 * (`demo.reply` in app/nodes/<kind>/). Besides those replies, the customer sometimes leaves,
 * asks for a person or uses a sensitive word, so the global triggers fire as they really do.
 * What it returns is the flow's own output — bot lines and events exactly as the runtime would
 * store them — with a timestamp on each.
 */
import { runTurn, startConversation, type BotMessage, type FlowDocument, type FlowMachine, type FlowServices, type HandoffRequest, type TurnResult, type TurnState } from "~/flow";
import { getNodeKind } from "~/nodes/registry";
import type { DemoCustomer } from "~/nodes/shared/demo";
import type { Random } from "./random";

export type Line = { role: "customer" | "bot" | "system"; text: string; at: number; metadata: Record<string, unknown> };
export type TimedEvent = { type: string; nodeId: string | null; payload: Record<string, unknown>; at: number };

export type ConversationOutcome =
  | { kind: "resolved"; at: number; nodeId: string | null }
  | { kind: "abandoned" }
  | { kind: "handoff"; at: number; request: HandoffRequest };

export type ScriptedConversation = { lines: Line[]; events: TimedEvent[]; state: TurnState; outcome: ConversationOutcome; endedAt: number };

/** Chances per customer turn, tuned so the starter flows contain about half of their conversations. */
const CHANCES = { abandon: 0.04, humanRequest: 0.035, sensitive: 0.01 };
const HUMAN = ["Can I talk to a real person please?", "agent", "I want to speak to a human", "just connect me to someone"];
/** A customer who is still not done after this many messages gives up. */
const MAX_CUSTOMER_TURNS = 12;

/** The metadata the runtime stores with a bot line (runtime/bot-turn.server.ts). */
function metadataOf(message: BotMessage): Record<string, unknown> {
  const { choices, source, confidence, csat, nodeId } = message;
  return {
    ...(choices?.length ? { choices } : {}),
    ...(source ? { source } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
    ...(csat ? { csat: true } : {}),
    ...(nodeId ? { nodeId } : {}),
  };
}

type Script = { document: FlowDocument; random: Random; customer: DemoCustomer; askForPerson: boolean; chances: typeof CHANCES };

function chooseReply(script: Script, result: TurnResult, turn: number): string {
  const { random, document } = script;
  const { humanRequest, sensitive } = document.settings;
  if (humanRequest.enabled && ((script.askForPerson && turn === 0) || random.chance(script.chances.humanRequest))) return random.pick(HUMAN);
  if (sensitive.enabled && sensitive.terms.length > 0 && random.chance(script.chances.sensitive)) return `If this isn't sorted today I'll go for a ${random.pick(sensitive.terms)}.`;
  const node = document.nodes.find((candidate) => candidate.id === result.state.activeNodeId);
  const demo = node ? getNodeKind(node.kind).demo : undefined;
  const botLines = result.messages.map((message) => ({ text: message.text, choices: message.choices }));
  return demo && node ? demo.reply({ data: node.data, random, customer: script.customer, botLines }) : "ok";
}

export async function converse(input: {
  document: FlowDocument;
  machine: FlowMachine;
  engines: FlowServices;
  random: Random;
  customer: DemoCustomer;
  startAt: number;
  /** The customer asks for a person at the first chance (a fresh handoff for the queue). */
  askForPerson?: boolean;
  /** Only the nodes' own demo replies: never leaves, never asks for a person (the registry's example runs). */
  cooperative?: boolean;
}): Promise<ScriptedConversation> {
  const { machine, engines, random } = input;
  const chances = input.cooperative ? { abandon: 0, humanRequest: 0, sensitive: 0 } : CHANCES;
  const script: Script = { document: input.document, random, customer: input.customer, askForPerson: input.askForPerson ?? false, chances };
  const lines: Line[] = [];
  const events: TimedEvent[] = [];
  let now = input.startAt;
  const take = (result: TurnResult) => {
    for (const event of result.events) events.push({ type: event.type, nodeId: event.nodeId ?? null, payload: event.payload, at: now });
    for (const message of result.messages) {
      now += 1_000 + random.int(0, 1_500);
      lines.push({ role: message.role, text: message.text, at: now, metadata: metadataOf(message) });
    }
    return result;
  };

  let result = take(await startConversation(machine, engines));
  let abandoned = false;
  for (let turn = 0; result.status === "bot"; turn += 1) {
    if (turn >= MAX_CUSTOMER_TURNS || (!(script.askForPerson && turn === 0) && random.chance(script.chances.abandon))) {
      abandoned = true;
      break;
    }
    const text = chooseReply(script, result, turn);
    now += Math.round(random.logNormal(22_000, 0.6));
    lines.push({ role: "customer", text, at: now, metadata: {} });
    result = take(await runTurn(machine, engines, result.snapshot, { type: "customer.message", text }));
  }
  // TurnResult.handoff is set whenever the status is "handoff" (flow/turn.ts).
  const outcome: ConversationOutcome =
    abandoned || result.status === "bot"
      ? { kind: "abandoned" }
      : result.status === "ended"
        ? { kind: "resolved", at: now, nodeId: result.state.activeNodeId }
        : { kind: "handoff", at: now, request: result.handoff as HandoffRequest };
  return { lines, events, state: result.state, outcome, endedAt: now };
}
