/**
 * What a running flow machine keeps in its context, and the messages and events it produces.
 * The context is persisted as JSON with the snapshot, so everything here is plain data.
 * `outbox` and `events` collect what one turn produced; the turn runner reads and clears them.
 */
import type { ArticleRef, KbSuggestion } from "~/engines/types";
import type { HandoffTrigger } from "~/vocabulary/handoff-triggers";

export type Priority = "low" | "normal" | "high" | "urgent";

export type BotMessage = {
  role: "bot" | "system";
  text: string;
  choices?: string[];
  source?: { articleId: string; slug: string; title: string };
  /** A KB answer's calibrated confidence: shown to agents in the handoff packet, never to the customer. */
  confidence?: number;
  csat?: boolean;
  nodeId?: string;
  /** Offered KB articles: the articles behind `choices` (their titles), so the handoff packet and inbox can say which were offered. */
  offered?: { articleId: string; slug: string; title: string }[];
  /** On a KB answer: the customer picked this article from the ones offered. */
  picked?: true;
  /** "Did you mean…?": the intents behind `choices` (their names, in order), so the handoff packet and inbox can say which were offered. */
  offeredIntents?: string[];
};

export type IntentOffer = {
  nodeId: string;
  text: string;
  offered: Array<{ name: string; label: string; confidence: number }>;
  pendingQuestion: string | null;
  openQuestion: string | null;
};

export type FlowEvent = { type: string; nodeId?: string; payload: Record<string, unknown> };

export type { HandoffTrigger };

export type HandoffRequest = {
  team: string;
  priority: Priority;
  reason: string;
  trigger: HandoffTrigger;
  nodeId?: string;
  /** The flow already told the customer (the escalate node's own message): no second notice. */
  announced?: boolean;
};

export type FieldValue = string | number;

export type FlowContext = {
  fields: Record<string, FieldValue>;
  intent: { name: string; confidence: number } | null;
  lastConfidence: { intent?: number; kb?: number };
  activeNodeId: string | null;
  /** Recent customer messages, oldest first: collect nodes extract known values from them. */
  customerMessages: string[];
  /** The customer's last few messages as typed, also those a step consumed (language detection reads them). */
  recentCustomerTexts?: string[];
  /** The latest customer message no node has answered or consumed yet (a KB node answers it). */
  pendingQuestion: string | null;
  /**
   * The latest customer message that was a question and that no KB step has answered yet, even
   * if a step consumed the messages after it ("where is my order?" → the order number → a KB step
   * answers the question). Absent in snapshots from before it existed.
   */
  openQuestion?: string | null;
  lastArticle: ArticleRef | null;
  /** The articles a kb step offered because none reached its minScore, while it waits for the pick; absent in older snapshots. */
  kbSuggestions?: { nodeId: string; query: string; articles: KbSuggestion[] } | null;
  /**
   * The intents an intent step offered ("Did you mean…?") while it waits for the pick, with the
   * customer's message they were offered for and the questions open then; absent in older snapshots.
   */
  intentOffer?: IntentOffer | null;
  /** Failure outcomes so far (intent unsure, collect failed, kb notFound/notHelpful). */
  failures: number;
  /** Invalid answers per collect node, reset when the node is entered. */
  attempts: Record<string, number>;
  /** Node entries since the last customer message: a runaway loop guard. */
  steps: number;
  /** The output just taken, recorded on the next node's `node.entered` event (one row instead of two). */
  lastOutcome?: { nodeId: string; handle: string } | null;
  handoff: HandoffRequest | null;
  /** The last API call failed (cleared by a successful one): a handoff after it says what failed. */
  apiFailure?: { nodeId: string; summary: string } | null;
  ended: boolean;
  outbox: BotMessage[];
  events: FlowEvent[];
};

export type CustomerMessageEvent = { type: "customer.message"; text: string };
export type KbFeedbackEvent = { type: "kb.feedback"; helpful: boolean };
/** `pending`: the customer's last message nobody answered while a person had the conversation. */
export type ResumeEvent = { type: "bot.resume"; nodeId: string; pending?: string };
export type FlowMachineEvent = CustomerMessageEvent | KbFeedbackEvent | ResumeEvent;

/** How many customer messages the context keeps for extraction. */
export const KEPT_CUSTOMER_MESSAGES = 20;
/** How many of the customer's latest messages are kept as typed. */
export const KEPT_RECENT_TEXTS = 3;

export function createInitialContext(fields: Record<string, FieldValue> = {}): FlowContext {
  return {
    fields: { ...fields },
    intent: null,
    lastConfidence: {},
    activeNodeId: null,
    customerMessages: [],
    pendingQuestion: null,
    openQuestion: null,
    lastArticle: null,
    failures: 0,
    attempts: {},
    steps: 0,
    handoff: null,
    ended: false,
    outbox: [],
    events: [],
  };
}

/** Context patch helpers: behaviours return partial contexts, never mutate. */
export function say(context: FlowContext, ...messages: BotMessage[]): Pick<FlowContext, "outbox"> {
  return { outbox: [...context.outbox, ...messages] };
}

export function record(context: FlowContext, ...events: FlowEvent[]): Pick<FlowContext, "events"> {
  return { events: [...context.events, ...events] };
}
