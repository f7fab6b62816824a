/**
 * The kb step when it is unsure: it offers the closest articles ("These articles might help"),
 * a pick answers from that article as if it had been found, "None of these" takes notFound, and a
 * new question is looked up by the same step (../../integration/kb-new-question.test.ts). Run through compiled machines with an engine that returns fixed suggestions.
 */
import { describe, expect, it } from "vitest";
import type { KbAnswerInput, KbSuggestion } from "~/engines/types";
import { KbDataSchema } from "~/nodes/kb/schema";
import { readSuggestionPick } from "~/nodes/kb/suggestion-pick";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, kbStepFlow, outcomes, texts } from "../flow/helpers";

const QUESTION = "how long until my money is back?";
const SUGGESTIONS: KbSuggestion[] = [
  { id: "refund-methods", slug: "refund-methods", title: "Refund methods and timing", confidence: 0.41, text: "Card refunds reach you in 5 to 10 business days." },
  { id: "returns", slug: "returns", title: "Returning an item", confidence: 0.22, text: "Start a return from Your orders." },
];
const NEW_QUESTION = "where is my parcel?";

/** Fake engines whose knowledge step is unsure of QUESTION (suggestions when asked) and knows nothing else; records each input. */
function unsureEngines() {
  const engines = createFakeEngines();
  const inputs: Array<KbAnswerInput & { suggest?: boolean }> = [];
  engines.knowledge.answer = (async (input: KbAnswerInput & { suggest?: boolean }) => {
    inputs.push(input);
    return input.query === QUESTION && input.suggest ? { suggestions: SUGGESTIONS } : null;
  }) as typeof engines.knowledge.answer;
  return { engines, inputs };
}

async function offered(data: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  const { engines, inputs } = unsureEngines();
  const conversation = new Conversation(kbStepFlow(data, settings), engines);
  await conversation.start();
  const offer = await conversation.say(QUESTION);
  return { conversation, offer, inputs };
}

describe("reading the customer's pick", () => {
  const titles = SUGGESTIONS.map((article) => article.title);
  it.each([
    ["Refund methods and timing", 0],
    ["returning an item", 1],
    ["the second one", 1],
    ["2", 1],
    ["refund methods", 0],
    ["Refund methods and timing?", 0],
  ])("%j picks article %i", (text, index) => expect(readSuggestionPick(text, titles, "None of these")).toBe(index));

  it.each(["None of these", "none of these", "no", "nope"])("%j is none", (text) => expect(readSuggestionPick(text, titles, "None of these")).toBe("none"));

  it.each(["what about refund methods for gift cards?", NEW_QUESTION, "I want to cancel my order"])("%j is something else (a new question)", (text) =>
    expect(readSuggestionPick(text, titles, "None of these")).toBe("other"),
  );
});

describe("a kb step that is unsure", () => {
  it("offers the closest articles as choices with None of these, and waits", async () => {
    const { offer, inputs } = await offered();
    expect(inputs).toEqual([{ query: QUESTION, tags: [], minScore: 0.73, suggest: true }]);
    expect(offer.status).toBe("bot");
    expect(offer.messages).toEqual([
      expect.objectContaining({ text: "These articles might help. Which one fits your question?", choices: ["Refund methods and timing", "Returning an item", "None of these"] }),
    ]);
    expect(offer.events.find((event) => event.type === "kb.suggested")?.payload).toEqual({
      query: QUESTION,
      articles: [
        { articleId: "refund-methods", slug: "refund-methods", title: "Refund methods and timing", confidence: 0.41 },
        { articleId: "returns", slug: "returns", title: "Returning an item", confidence: 0.22 },
      ],
    });
    expect(eventTypes(offer)).not.toContain("kb.notFound");
    expect(outcomes(offer)).toEqual([]);
  });

  it("suggest → pick → answered: the picked article's answer with its source, feedback, and kb.answered marked picked", async () => {
    const { conversation } = await offered();
    const pick = await conversation.say("Refund methods and timing");
    expect(pick.messages[0]).toMatchObject({
      text: "Card refunds reach you in 5 to 10 business days.",
      source: { articleId: "refund-methods", slug: "refund-methods", title: "Refund methods and timing" },
      confidence: 0.41,
    });
    expect(pick.messages[1]).toMatchObject({ text: "Did this help?", choices: ["Yes", "No"] });
    expect(pick.events.find((event) => event.type === "kb.answered")?.payload).toEqual({
      articleId: "refund-methods",
      slug: "refund-methods",
      title: "Refund methods and timing",
      score: 0.41,
      query: QUESTION,
      picked: true,
    });
    expect(pick.state.lastConfidence.kb).toBe(0.41);
    // The tapped title is consumed: no later step takes it for a question.
    expect(pick.state.pendingQuestion).toBeNull();
    const yes = await conversation.say("yes");
    expect(texts(yes)[0]).toBe("Glad it helped.");
    expect(outcomes(yes)).toEqual(["k:answered", "yes:next"]);
    expect(yes.events.find((event) => event.type === "kb.feedback")?.payload).toEqual({ helpful: true, articleId: "refund-methods" });
  });

  it("a typed ordinal picks too, and without feedback the pick takes answered at once", async () => {
    const { conversation } = await offered({ askFeedback: false });
    const pick = await conversation.say("the second one");
    expect(texts(pick)).toEqual(["Start a return from Your orders.", "Glad it helped."]);
    expect(outcomes(pick)).toEqual(["k:answered", "yes:next"]);
  });

  it("suggest → None of these → notFound, with the customer's question kept for the unanswered list and the handoff", async () => {
    const { conversation } = await offered();
    const none = await conversation.say("None of these");
    expect(texts(none)).toEqual(["Let me get a person."]);
    expect(outcomes(none)).toEqual(["k:notFound", "nf:next"]);
    expect(none.events.find((event) => event.type === "kb.notFound")?.payload).toEqual({ query: QUESTION, declinedSuggestions: true });
    expect(eventTypes(none)).not.toContain("kb.answered");
    expect(none.state.lastConfidence.kb).toBe(0);
    expect(none.state.pendingQuestion).toBeNull();
  });

  function twoStepConversation() {
    const { engines, inputs } = unsureEngines();
    const doc = buildFlow(
      [
        ["s", "start", { greeting: "Hi!" }],
        ["k", "kb", { minScore: 0.73, askFeedback: false, tags: ["refunds"] }],
        ["k2", "kb", { minScore: 0.73, askFeedback: false, offerSuggestions: false }],
        ["nf", "message", { text: "Let me get a person." }],
        ["e", "end", { text: "" }],
      ],
      [["s", "next", "k"], ["k", "answered", "e"], ["k", "notFound", "k2"], ["k2", "answered", "e"], ["k2", "notFound", "nf"], ["nf", "next", "e"]],
      { repeatedFailure: { enabled: false, limit: 2, team: "support", priority: "normal" } },
    );
    return { conversation: new Conversation(compileClean(doc), engines), inputs };
  }

  it("a new question instead of a pick is looked up by the same step within its tags; unanswered, it takes notFound as that question", async () => {
    const { conversation, inputs } = twoStepConversation();
    await conversation.start();
    await conversation.say(QUESTION);
    const next = await conversation.say(NEW_QUESTION);
    // The new question was this step's: the next kb step has no question left and asks for one.
    expect(outcomes(next)).toEqual(["k:notFound"]);
    expect(texts(next)).toEqual(["What would you like to know?"]);
    expect(next.events.filter((event) => event.type === "kb.notFound").map((event) => event.payload)).toEqual([
      { query: QUESTION, askedAnew: true },
      { query: NEW_QUESTION },
    ]);
    expect(inputs.map((input) => [input.query, input.tags, input.suggest])).toEqual([
      [QUESTION, ["refunds"], true],
      [NEW_QUESTION, ["refunds"], true],
    ]);
  });

  it("a statement instead of a pick that no article answers declines the offer and stays pending for the next kb step", async () => {
    const { conversation, inputs } = twoStepConversation();
    await conversation.start();
    await conversation.say(QUESTION);
    const next = await conversation.say("I want to cancel my order");
    expect(outcomes(next)).toEqual(["k:notFound", "k2:notFound", "nf:next"]);
    expect(next.events.filter((event) => event.type === "kb.notFound").map((event) => event.payload)).toEqual([
      { query: QUESTION, declinedSuggestions: true },
      { query: "I want to cancel my order" },
    ]);
    expect(inputs.map((input) => input.query)).toEqual([QUESTION, "I want to cancel my order", "I want to cancel my order"]);
  });

  it("with the setting off, takes notFound at once and never asks the engine for suggestions", async () => {
    const { offer, inputs } = await offered({ offerSuggestions: false });
    expect(texts(offer)).toEqual(["Let me get a person."]);
    expect(outcomes(offer)).toEqual(["k:notFound", "nf:next"]);
    expect(inputs[0].suggest).toBe(false);
  });

  it("speaks the flow's language", async () => {
    const { offer } = await offered({}, { locale: "es" });
    expect(offer.messages[0]).toMatchObject({ text: "Estos artículos podrían ayudarte. ¿Cuál responde a tu pregunta?", choices: ["Refund methods and timing", "Returning an item", "Ninguno de estos"] });
  });

  it("old flows without the setting offer suggestions (the schema's default)", () => {
    expect(KbDataSchema.parse({ tags: [], minScore: 0.5, askFeedback: true }).offerSuggestions).toBe(true);
  });
});
