import { describe, expect, it } from "vitest";
import { parseMessage } from "~/chat/chat-api";
import { chatReducer, initialChatState } from "~/chat/chat-state";

const base = { id: "a1", role: "agent", text: "Hi, Ana here.", createdAt: "2026-01-01T00:00:00.000Z" };

describe("reading a message from the chat API", () => {
  it("takes an agent line's author as it comes, so the page can name who spoke before its details load", () => {
    const message = parseMessage({ ...base, author: { name: "Ana", initials: "AA", team: "Support" } });
    expect(message?.author).toEqual({ name: "Ana", initials: "AA", team: "Support" });
    const state = chatReducer(initialChatState(null), { type: "received", messages: message ? [message] : [] });
    expect(state.messages.at(-1)?.author).toEqual({ name: "Ana", initials: "AA", team: "Support" });
  });

  it("keeps an author without a team, and ignores an author on other roles or without a name", () => {
    expect(parseMessage({ ...base, author: { name: "Ada", initials: "AA", team: null } })?.author).toEqual({ name: "Ada", initials: "AA", team: null });
    expect(parseMessage({ ...base, role: "system", author: { name: "Ana", initials: "AA", team: null } })?.author).toBeUndefined();
    expect(parseMessage({ ...base, author: { name: 42 } })?.author).toBeUndefined();
    expect(parseMessage({ ...base, author: "Ana" })?.author).toBeUndefined();
    expect(parseMessage(base)?.author).toBeUndefined();
  });
});
