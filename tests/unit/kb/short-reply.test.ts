/**
 * Which lines "Questions the bot couldn't answer" counts apart as short replies: the demo's vague
 * lines and social phrases, never a customer's real question however short.
 */
import { describe, expect, it } from "vitest";
import { isShortReply } from "~/kb/short-reply.server";
import { VAGUE_LINES } from "~/nodes/shared/demo";

describe("isShortReply", () => {
  it.each([...VAGUE_LINES, "ok", "Thanks!", "hi there", "how are you?", "refund", "I need help", "it's the one from last week"])("“%s” is a short reply", (line) => {
    expect(isShortReply(line)).toBe(true);
  });

  it.each([
    "How long do I have to return an item?",
    "how do I contact you by phone?",
    "where is my order",
    "hi, where is my order?",
    "I want a refund",
    "I was charged twice last week",
    "I can't log in to my account with my zebra",
  ])("“%s” is a question", (line) => {
    expect(isShortReply(line)).toBe(false);
  });
});
