/**
 * Review fixes to the kb step's new-question handling (app/nodes/kb/new-question.ts, compile.ts),
 * run through compiled machines with a fake knowledge engine that answers a fixed table of queries.
 * A reply to "Did this help?" that only finds the article just sent is a "not helpful"; a no that
 * also asks keeps its question; the lookup stays within the step's tags; a typed reply finding an
 * offered article picks it; a reply carrying an identifier is not looked up.
 */
import { describe, expect, it } from "vitest";
import type { KbAnswer, KbAnswerInput, KbSuggestion } from "~/engines/types";
import { createFakeEngines } from "../../support/fake-engines";
import { Conversation, kbStepFlow, outcomes, texts } from "../flow/helpers";

const LOGIN = { id: "login", slug: "login", title: "Logging in" };
const CANCEL = { id: "cancel", slug: "cancel-order", title: "Cancelling an order" };
const ORDER_NUMBER = { id: "order-number", slug: "order-number", title: "Finding your order number" };
const REFUNDS: KbSuggestion = { id: "refunds", slug: "refunds", title: "Refund methods and timing", confidence: 0.41, text: "Card refunds reach you in 5 to 10 business days." };
const RETURNS: KbSuggestion = { id: "returns", slug: "returns", title: "Returning an item", confidence: 0.22, text: "Start a return from Your orders." };

const answer = (article: typeof LOGIN, text: string): KbAnswer => ({ article, text, score: 0.9, citations: [article] });

/** Queries the fake knowledge base answers, and the tags each article has (an empty list of tags searches all). */
const ANSWERS: Array<{ match: RegExp; tag: string; answer: KbAnswer }> = [
  { match: /log ?in|password/i, tag: "account", answer: answer(LOGIN, "Use 'Forgot password' on the sign-in page.") },
  { match: /order number/i, tag: "orders", answer: answer(ORDER_NUMBER, "Your order number is in the confirmation email.") },
  { match: /cancel/i, tag: "orders", answer: answer(CANCEL, "Open Your orders and choose Cancel.") },
  { match: /refund/i, tag: "orders", answer: { article: REFUNDS, text: "Refunds take 5 to 10 days.", score: 0.8, citations: [REFUNDS] } },
];
const UNSURE = "my money is missing";

function engines() {
  const fake = createFakeEngines();
  const inputs: Array<KbAnswerInput & { suggest?: boolean }> = [];
  fake.knowledge.answer = (async (input: KbAnswerInput & { suggest?: boolean }) => {
    inputs.push(input);
    if (input.query === UNSURE && input.suggest) return { suggestions: [REFUNDS, RETURNS] };
    const row = ANSWERS.find(({ match, tag }) => match.test(input.query) && (!input.tags?.length || input.tags.includes(tag)));
    return row?.answer ?? null;
  }) as typeof fake.knowledge.answer;
  return { engines: fake, inputs };
}

function conversation(data: Record<string, unknown> = {}) {
  const { engines: fake, inputs } = engines();
  return { conversation: new Conversation(kbStepFlow(data), fake), inputs };
}

const payloads = (result: { events: Array<{ type: string; payload?: unknown }> }, type: string) => result.events.filter((event) => event.type === type).map((event) => event.payload);

describe("a reply to 'Did this help?' that finds the article just sent", () => {
  it("is 'not helpful' (the article is not sent again)", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    const first = await chat.say("how do I log in?");
    expect(texts(first)).toEqual(["Use 'Forgot password' on the sign-in page.", "Did this help?"]);
    const reply = await chat.say("I still can't log in");
    expect(texts(reply)).toEqual(["Sorry it didn't help."]);
    expect(outcomes(reply)).toEqual(["k:notHelpful", "nh:next"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: false, articleId: "login" }]);
    expect(payloads(reply, "kb.answered")).toEqual([]);
  });

  it("a new question finding another article is still answered by the same step", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("I want to cancel my order");
    expect(texts(reply)).toEqual(["Open Your orders and choose Cancel.", "Did this help?"]);
    expect(payloads(reply, "kb.feedback")).toEqual([]);
  });
});

describe("a no to 'Did this help?' that also asks something", () => {
  it("is answered as a new question (the question is not lost)", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("That didn't help. How do I cancel my order?");
    expect(texts(reply)).toEqual(["Open Your orders and choose Cancel.", "Did this help?"]);
    expect(payloads(reply, "kb.answered")).toEqual([expect.objectContaining({ slug: "cancel-order", query: "That didn't help. How do I cancel my order?" })]);
  });

  it("that nothing answers still counts as not helpful, its question kept for a later kb step", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("That didn't help. Do you sell umbrellas?");
    expect(outcomes(reply)).toEqual(["k:notHelpful", "nh:next"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: false, articleId: "login" }]);
    expect(reply.state.pendingQuestion).toBe("That didn't help. Do you sell umbrellas?");
  });

  it.each(["no", "nope it didn't", "that's not it", "didn't help"])("%j is still 'not helpful' without a lookup", async (text) => {
    const { conversation: chat, inputs } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say(text);
    expect(outcomes(reply)).toEqual(["k:notHelpful", "nh:next"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: false, articleId: "login" }]);
    expect(inputs).toHaveLength(1);
  });
});

describe("a yes to 'Did this help?' that also asks something (QA: the follow-up was lost and the chat closed)", () => {
  it("counts as helpful for the answer it was about, and the follow-up is answered by the same step", async () => {
    const { conversation: chat, inputs } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("ok and how do I cancel my order?");
    // The follow-up alone is looked up: the yes before it is feedback.
    expect(inputs.map((input) => input.query)).toEqual(["how do I log in?", "how do I cancel my order?"]);
    expect(texts(reply)).toEqual(["Open Your orders and choose Cancel.", "Did this help?"]);
    expect(outcomes(reply)).toEqual([]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: true, articleId: "login" }]);
    expect(payloads(reply, "kb.answered")).toEqual([expect.objectContaining({ slug: "cancel-order", query: "ok and how do I cancel my order?" })]);
  });

  it("a follow-up nothing answers takes notFound as that question, the yes still recorded", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("thanks! and do you sell umbrellas?");
    expect(outcomes(reply)).toEqual(["k:notFound", "nf:next"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: true, articleId: "login" }]);
    expect(payloads(reply, "kb.notFound")).toEqual([{ query: "thanks! and do you sell umbrellas?" }]);
  });

  it("a follow-up the same article answers is answered with it again (the yes said it helped; only an unconfirmed repeat is 'not helpful')", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("yes. and what if I forgot my password");
    expect(texts(reply)).toEqual(["Use 'Forgot password' on the sign-in page.", "Did this help?"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: true, articleId: "login" }]);
    expect(payloads(reply, "kb.answered")).toEqual([expect.objectContaining({ slug: "login" })]);
  });

  it.each(["yes", "ok thanks", "great, thank you!", "yes it did, thanks so much"])("%j is a plain yes: 'answered', without a lookup", async (text) => {
    const { conversation: chat, inputs } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say(text);
    expect(outcomes(reply)).toEqual(["k:answered", "yes:next"]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: true, articleId: "login" }]);
    expect(inputs).toHaveLength(1);
  });
});

describe("a new question at a step scoped by tags", () => {
  it("is looked up within the step's tags: a question outside them takes notFound as any unanswered question", async () => {
    const { conversation: chat, inputs } = conversation({ tags: ["orders"] });
    await chat.start();
    const first = await chat.say("how do I cancel my order?");
    expect(texts(first)).toEqual(["Open Your orders and choose Cancel.", "Did this help?"]);
    // The login article exists, but under "account": this step must not answer from it.
    const reply = await chat.say("how do I log in?");
    expect(outcomes(reply)).toEqual(["k:notFound", "nf:next"]);
    expect(payloads(reply, "kb.answered")).toEqual([]);
    expect(payloads(reply, "kb.notFound")).toEqual([{ query: "how do I log in?" }]);
    expect(inputs.map((input) => input.tags)).toEqual([["orders"], ["orders"]]);
  });

  it("a question within them is answered by the same step", async () => {
    const { conversation: chat } = conversation({ tags: ["orders"] });
    await chat.start();
    await chat.say("how do I cancel my order?");
    const reply = await chat.say("and how long do refunds take?");
    expect(texts(reply)).toEqual(["Refunds take 5 to 10 days.", "Did this help?"]);
  });
});

describe("a typed reply to likely articles that the lookup answers with an offered article", () => {
  it("is a pick of that article, as if its title had been tapped", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    const offer = await chat.say(UNSURE);
    expect(offer.messages[0]).toMatchObject({ choices: ["Refund methods and timing", "Returning an item", "None of these"] });
    const reply = await chat.say("I'd like my refund please");
    expect(texts(reply)).toEqual([REFUNDS.text, "Did this help?"]);
    expect(payloads(reply, "kb.answered")).toEqual([{ articleId: "refunds", slug: "refunds", title: REFUNDS.title, score: 0.41, query: UNSURE, picked: true }]);
    expect(payloads(reply, "kb.notFound")).toEqual([]);
    expect(reply.state.pendingQuestion).toBeNull();
  });

  it("an article that was not offered answers it as a new question, and the offer is left", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say(UNSURE);
    const reply = await chat.say("how do I cancel my order?");
    expect(texts(reply)).toEqual(["Open Your orders and choose Cancel.", "Did this help?"]);
    expect(payloads(reply, "kb.notFound")).toEqual([{ query: UNSURE, askedAnew: true }]);
  });
});

describe("a reply to 'Did this help?' carrying an identifier", () => {
  it("is not looked up (its words would match an article by chance): it takes the prompt's outcome and stays for the flow's next step", async () => {
    const { conversation: chat, inputs } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("my order number is 1234567890");
    expect(outcomes(reply)).toEqual(["k:notHelpful", "nh:next"]);
    expect(payloads(reply, "kb.answered")).toEqual([]);
    expect(payloads(reply, "kb.feedback")).toEqual([{ helpful: false, articleId: "login" }]);
    expect(reply.state.pendingQuestion).toBe("my order number is 1234567890");
    expect(inputs).toHaveLength(1);
  });

  it("asking something, it is still a new question", async () => {
    const { conversation: chat } = conversation();
    await chat.start();
    await chat.say("how do I log in?");
    const reply = await chat.say("where do I find my order number, is it 1234567890?");
    expect(texts(reply)).toEqual(["Your order number is in the confirmation email.", "Did this help?"]);
  });
});
