import { describe, expect, it } from "vitest";
import { isQuestion } from "~/nodes/shared/question";
import { formatConfidence } from "~/utils/confidence";

describe("isQuestion (a KB step answers an earlier question instead of asking again)", () => {
  it.each(["where is my order?", "Hi, how long does shipping take", "can I return jeans", "I'd like to know when you open", "what's the refund policy"])("%j is a question", (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each(["123456", "maya@example.com", "yes", "I want a refund", "Hi, I'm Maya", "no thanks"])("%j is not", (text) => {
    expect(isQuestion(text)).toBe(false);
  });
});

describe("formatConfidence", () => {
  it("never rounds up to a certainty it does not have", () => {
    expect(formatConfidence(0.996)).toBe("99%");
    expect(formatConfidence(1)).toBe("100%");
    expect(formatConfidence(0.834)).toBe("83%");
    expect(formatConfidence(0.001)).toBe("<1%");
    expect(formatConfidence(0)).toBe("0%");
  });
});
