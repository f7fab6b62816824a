import { describe, expect, it } from "vitest";
import { chatReducer, initialChatState, isBotTyping, type ChatState } from "~/chat/chat-state";
import { activeChoicesMessageId, findFeedbackQuestions, mergeMessages } from "~/chat/merge-messages";
import { createOutboxEntry, visibleOutbox } from "~/chat/send-queue";
import type { ChatMessage, LoadedConversation } from "~/chat/types";

const ANA = { name: "Ana", initials: "AA", team: "Support" };

const message = (id: string, role: ChatMessage["role"], text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, role, text, createdAt: "2026-01-01T00:00:00.000Z", ...extra });

const loaded: LoadedConversation = {
  conversationId: "c1",
  token: "t",
  messages: [message("g", "bot", "Hi!")],
  details: { status: "bot", team: null, waitMinutes: null, away: null, assignee: null, csat: null, authors: {}, feedback: {}, language: null },
};

function sendOne(state: ChatState, text: string, id: string): ChatState {
  state = chatReducer(state, { type: "enqueued", entry: createOutboxEntry(text, id, 0) });
  return chatReducer(state, { type: "sending", clientMessageId: id });
}

describe("the transcript", () => {
  it("shows each message once, whichever way it arrives (POST reply, live event, resync)", () => {
    let state = sendOne(initialChatState(loaded), "hello", "x1");
    expect(isBotTyping(state)).toBe(true);
    const customer = message("m1", "customer", "hello");
    const bot = message("m2", "bot", "How can I help?");
    state = chatReducer(state, { type: "received", messages: [customer] });
    expect(visibleOutbox(state.outbox)).toEqual([]);
    state = chatReducer(state, { type: "sent", clientMessageId: "x1", result: { kind: "ok", reply: { status: "bot", messages: [customer, bot] } }, now: 1 });
    state = chatReducer(state, { type: "received", messages: [bot] });
    state = chatReducer(state, { type: "received", messages: [message("g", "bot", "Hi!"), customer, bot], status: "bot" });
    expect(state.messages.map((m) => m.id)).toEqual(["g", "m1", "m2"]);
    expect(state.outbox).toEqual([]);
    expect(isBotTyping(state)).toBe(false);
  });

  it("a failed send stays in the outbox as retrying and is not duplicated when it finally lands", () => {
    let state = sendOne(initialChatState(loaded), "hello", "x1");
    state = chatReducer(state, { type: "sent", clientMessageId: "x1", result: { kind: "network" }, now: 0 });
    expect(state.outbox[0]).toMatchObject({ clientMessageId: "x1", state: "retrying" });
    state = chatReducer(state, { type: "sending", clientMessageId: "x1" });
    state = chatReducer(state, { type: "sent", clientMessageId: "x1", result: { kind: "ok", reply: { status: "bot", messages: [message("m1", "customer", "hello")] } }, now: 2 });
    expect(state.messages.filter((m) => m.role === "customer")).toHaveLength(1);
    expect(state.outbox).toEqual([]);
  });

  it("adds agent first names from the page's details to live agent messages", () => {
    let state = chatReducer(initialChatState(loaded), { type: "received", messages: [message("a1", "agent", "Hi, Ana here")] });
    expect(state.messages.at(-1)?.author).toBeUndefined();
    state = chatReducer(state, { type: "detailsLoaded", details: { ...loaded.details, status: "open", assignee: ANA, authors: { a1: ANA } } });
    expect(state.messages.at(-1)?.author).toEqual(ANA);
    expect(state.details.status).toBe("open");
  });

  it("keeps a KB answer's feedback optimistic, and rolls it back when the request fails", () => {
    let state = chatReducer(initialChatState(loaded), { type: "feedbackStarted", messageId: "k1", helpful: true });
    expect(state.details.feedback.k1).toBe(true);
    expect(isBotTyping(state)).toBe(true);
    state = chatReducer(state, { type: "feedbackFinished", messageId: "k1", ok: false });
    expect(state.details.feedback.k1).toBeUndefined();
    expect(isBotTyping(state)).toBe(false);
  });

  it("merges without copying when nothing changed", () => {
    const current = [message("a", "bot", "x")];
    expect(mergeMessages(current, [message("a", "bot", "x")])).toBe(current);
  });

  it("folds the flow's 'Did this help?' question into the KB answer before it, and offers choices only on the last message", () => {
    const answer = message("k", "bot", "Standard shipping takes 3-5 days.", { source: { articleId: "a", slug: "s", title: "Shipping" } });
    const question = message("q", "bot", "Did this help?", { choices: ["Yes", "No"] });
    expect(findFeedbackQuestions([answer, question]).get("k")?.id).toBe("q");
    expect(findFeedbackQuestions([answer, message("c", "customer", "yes")]).size).toBe(0);
    expect(activeChoicesMessageId([answer, question])).toBe("q");
    expect(activeChoicesMessageId([question, message("c", "customer", "Yes")])).toBeNull();
  });
});
