/**
 * The chat page's state and its reducer: transcript, conversation details and the outbox.
 * Pure, so the interplay of POST replies, live events and retries is testable without React.
 */
import { mergeMessages, withAuthors } from "./merge-messages";
import { applySendResult, markEchoed, markSending, removeEntry, retryNow, type OutboxEntry, type SendResult } from "./send-queue";
import type { ChatMessage, ChatStatus, ChatTeam, ConversationDetails, ConversationSession, LoadedConversation } from "./types";

export type ChatState = {
  session: ConversationSession | null;
  phase: "starting" | "ready" | "failed";
  messages: ChatMessage[];
  details: ConversationDetails;
  outbox: OutboxEntry[];
  /** Feedback requests in flight: the bot may be answering them (typing indicator). */
  feedbackInFlight: number;
  connection: "connecting" | "live" | "reconnecting";
};

export type ChatAction =
  | { type: "started"; conversation: LoadedConversation }
  | { type: "startFailed" }
  | { type: "restoredOutbox"; entries: OutboxEntry[] }
  | { type: "received"; messages: ChatMessage[]; status?: ChatStatus }
  | { type: "statusChanged"; status: ChatStatus; team: ChatTeam | null }
  | { type: "detailsLoaded"; details: ConversationDetails }
  | { type: "enqueued"; entry: OutboxEntry }
  | { type: "sending"; clientMessageId: string }
  | { type: "sent"; clientMessageId: string; result: SendResult; now: number }
  | { type: "retryNow"; now: number }
  | { type: "dismissed"; clientMessageId: string }
  | { type: "feedbackStarted"; messageId: string; helpful: boolean }
  | { type: "feedbackFinished"; messageId: string; ok: boolean }
  | { type: "rated"; csat: number | null }
  | { type: "connection"; state: ChatState["connection"] };

export const EMPTY_DETAILS: ConversationDetails = { status: "bot", team: null, waitMinutes: null, away: null, assignee: null, csat: null, authors: {}, feedback: {}, language: null };

export function initialChatState(conversation: LoadedConversation | null): ChatState {
  return {
    session: conversation ? { conversationId: conversation.conversationId, token: conversation.token } : null,
    phase: conversation ? "ready" : "starting",
    messages: conversation?.messages ?? [],
    details: conversation?.details ?? EMPTY_DETAILS,
    outbox: [],
    feedbackInFlight: 0,
    connection: "connecting",
  };
}

function receive(state: ChatState, messages: ChatMessage[], status?: ChatStatus): ChatState {
  let outbox = state.outbox;
  for (const message of messages) outbox = markEchoed(outbox, message);
  const merged = withAuthors(mergeMessages(state.messages, messages), state.details.authors);
  const details = status && status !== state.details.status ? { ...state.details, status } : state.details;
  return { ...state, outbox, messages: merged, details };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "started": {
      const { conversation } = action;
      return {
        ...state,
        session: { conversationId: conversation.conversationId, token: conversation.token },
        phase: "ready",
        messages: conversation.messages,
        details: conversation.details,
        // Entries typed before the conversation existed are sent in it; failures from an old one are dropped.
        outbox: state.outbox.filter((entry) => entry.state !== "failed"),
        connection: "connecting",
      };
    }
    case "startFailed":
      return { ...state, phase: "failed" };
    case "restoredOutbox": {
      const known = new Set(state.outbox.map((entry) => entry.clientMessageId));
      return { ...state, outbox: [...action.entries.filter((entry) => !known.has(entry.clientMessageId)), ...state.outbox] };
    }
    case "received":
      return receive(state, action.messages, action.status);
    case "statusChanged":
      return { ...state, details: { ...state.details, status: action.status, team: action.team ?? state.details.team } };
    case "detailsLoaded":
      return { ...state, details: action.details, messages: withAuthors(state.messages, action.details.authors) };
    case "enqueued":
      return { ...state, outbox: [...state.outbox, action.entry] };
    case "sending":
      return { ...state, outbox: markSending(state.outbox, action.clientMessageId) };
    case "sent": {
      const { entries } = applySendResult(state.outbox, action.clientMessageId, action.result, action.now);
      const next = { ...state, outbox: entries };
      return action.result.kind === "ok" ? receive(next, action.result.reply.messages, action.result.reply.status) : next;
    }
    case "retryNow":
      return { ...state, outbox: retryNow(state.outbox, action.now) };
    case "dismissed":
      return { ...state, outbox: removeEntry(state.outbox, action.clientMessageId) };
    case "feedbackStarted":
      return {
        ...state,
        feedbackInFlight: state.feedbackInFlight + 1,
        details: { ...state.details, feedback: { ...state.details.feedback, [action.messageId]: action.helpful } },
      };
    case "feedbackFinished": {
      const feedback = { ...state.details.feedback };
      if (!action.ok) delete feedback[action.messageId];
      return { ...state, feedbackInFlight: Math.max(0, state.feedbackInFlight - 1), details: { ...state.details, feedback } };
    }
    case "rated":
      return { ...state, details: { ...state.details, csat: action.csat } };
    case "connection":
      return state.connection === action.state ? state : { ...state, connection: action.state };
  }
}

/** The bot is working on a reply: a message of the customer is on its way while the bot has the conversation. */
export function isBotTyping(state: ChatState): boolean {
  const botListening = state.details.status === "bot" || state.details.status === "resolved";
  const sending = state.outbox.some((entry) => entry.state === "sending");
  return (botListening && sending) || state.feedbackInFlight > 0;
}
