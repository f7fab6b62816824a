import { describe, expect, it } from "vitest";
import { LocalSummarizer } from "~/engines/local/summarizer";
import type { SummaryInput } from "~/engines/types";

const base: SummaryInput = {
  transcript: [],
  fields: {},
  intent: null,
  tried: { articlesShown: [], questionsAsked: [] },
  reason: "",
};

describe("local summarizer", () => {
  it("says what the customer did with offered articles: picked one, declined them, asked something else, replied otherwise, or nothing yet", async () => {
    const articles = [
      { id: "a", slug: "returns", title: "Returns" },
      { id: "b", slug: "refunds", title: "Refunds" },
    ];
    const { text } = await new LocalSummarizer().summarize({
      ...base,
      tried: {
        articlesShown: [],
        articlesOffered: [
          { articles, pickedId: "b", answer: null },
          { articles, pickedId: null, answer: "declined" },
          { articles, pickedId: null, answer: "askedAnew" },
          { articles, pickedId: null, answer: "otherReply" },
          { articles, pickedId: null },
        ],
        questionsAsked: [],
      },
    });
    const offered = '"Returns", "Refunds"';
    expect(text).toContain(
      `Bot tried: offered ${offered} (picked "Refunds"); offered ${offered} (declined the suggestions); offered ${offered} (asked something else instead); offered ${offered} (replied without answering the suggestions); offered ${offered} (none picked).`,
    );
  });

  it("states the problem from the customer's own words, the fields, what was tried and why", async () => {
    const { text } = await new LocalSummarizer().summarize({
      transcript: [
        { role: "bot", text: "Hi! How can I help?" },
        { role: "customer", text: "hello" },
        { role: "customer", text: "My order of two shirts never arrived. The tracking shows it stuck in Denver since Monday." },
        { role: "bot", text: "What is your order ID?" },
        { role: "customer", text: "A-1234" },
        { role: "customer", text: "Honestly I need it before my trip on Friday, otherwise please refund me." },
      ],
      fields: { orderId: "A-1234", email: "kim@example.com" },
      intent: { name: "track_order", confidence: 0.87 },
      tried: { articlesShown: [{ id: "s", slug: "shipping", title: "Shipping times" }], questionsAsked: ["What is your order ID?"] },
      reason: "the article did not help",
    });
    const [problem, ...rest] = text.split("\n");
    expect(problem).toBe(
      "Customer: My order of two shirts never arrived. Honestly I need it before my trip on Friday, otherwise please refund me.",
    );
    expect(rest).toEqual([
      "Intent: track order (87%).",
      "Captured: orderId = A-1234; email = kim@example.com.",
      'Bot tried: answered with "Shipping times"; asked "What is your order ID?".',
      "Handoff reason: the article did not help.",
    ]);
  });

  it("names the intent in words with the packet's confidence figure, never a rounded-up 100%", async () => {
    const { text } = await new LocalSummarizer().summarize({ ...base, intent: { name: "shipping_info", confidence: 0.997 } });
    expect(text.split("\n")).toContain("Intent: shipping info (99%).");
  });

  it.each([
    ["trackOrder", "track order"],
    ["pto-request", "pto request"],
    ["Refund_Request", "refund request"],
  ])("writes the intent %s in words, never its identifier", async (name, words) => {
    const { text } = await new LocalSummarizer().summarize({ ...base, intent: { name, confidence: 0.9 } });
    expect(text.split("\n")).toContain(`Intent: ${words} (90%).`);
  });

  it("copes with a conversation where the customer said almost nothing", async () => {
    const { text } = await new LocalSummarizer().summarize({ ...base, transcript: [{ role: "customer", text: "agent" }], reason: "customer asked for a person" });
    expect(text).toBe("Customer: agent\nBot tried: nothing yet.\nHandoff reason: customer asked for a person.");
    expect((await new LocalSummarizer().summarize(base)).text).toMatch(/^Customer: no description given\./);
  });
});
