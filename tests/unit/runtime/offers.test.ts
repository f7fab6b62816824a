import { describe, expect, it } from "vitest";
import { readArticleOffers, readOffers, type OfferLine, type OfferOutcomeEvent } from "~/runtime/offers";

const SHIPPING = { articleId: "a-ship", slug: "shipping", title: "Shipping" };
const RETURNS = { articleId: "a-ret", slug: "returns", title: "Returns" };
const GIFTS = { articleId: "a-gift", slug: "gift-cards", title: "Gift cards" };

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, second));
const offer = (second: number, articles: (typeof SHIPPING)[], nodeId = "kb1"): OfferLine => ({
  role: "bot",
  createdAt: at(second),
  metadata: { offered: articles, choices: [...articles.map((article) => article.title), "None of these"], nodeId },
});
const customer = (second: number): OfferLine => ({ role: "customer", createdAt: at(second), metadata: {} });
const answer = (second: number, article: typeof SHIPPING, picked: boolean): OfferLine => ({ role: "bot", createdAt: at(second), metadata: { source: article, ...(picked ? { picked: true } : {}) } });
const notFound = (second: number, payload: Record<string, unknown>, nodeId = "kb1"): OfferOutcomeEvent => ({ type: "kb.notFound", nodeId, createdAt: at(second), payload });

describe("readArticleOffers", () => {
  it("gives a pick to the latest offer only, and only if that offer listed it", () => {
    // The older offer listed Shipping; the latest did not: a picked Shipping answer is nobody's pick.
    const lines = [offer(1, [SHIPPING, RETURNS]), customer(2), offer(2, [GIFTS, RETURNS]), customer(3), answer(3, SHIPPING, true)];
    expect(readArticleOffers(lines).map((read) => read.picked)).toEqual([null, null]);
    const picked = [offer(1, [SHIPPING, RETURNS]), customer(2), offer(2, [SHIPPING, GIFTS]), customer(3), answer(3, SHIPPING, true)];
    expect(readArticleOffers(picked).map((read) => read.picked?.title ?? null)).toEqual([null, "Shipping"]);
  });

  it("does not count an answer the customer did not pick from the offer", () => {
    const lines = [offer(1, [SHIPPING, RETURNS]), customer(2), answer(2, SHIPPING, false)];
    expect(readArticleOffers(lines)[0]).toMatchObject({ picked: null, replied: true, answer: "otherReply" });
  });

  it("reads a new question and a decline from the kb step's event of the reply's turn", () => {
    const lines = [offer(1, [SHIPPING, RETURNS]), customer(2), offer(2, [GIFTS, RETURNS]), customer(3)];
    const events = [notFound(2, { query: "q", askedAnew: true }), notFound(3, { query: "q", declinedSuggestions: true })];
    expect(readArticleOffers(lines, events).map((read) => read.answer)).toEqual(["askedAnew", "declined"]);
  });

  it("reads a reply with no kb reading of its turn (another turn's, another step's, none) as not an answer to the offer", () => {
    const lines = [offer(1, [SHIPPING]), customer(2)];
    expect(readArticleOffers(lines, [notFound(5, { askedAnew: true })])[0].answer).toBe("otherReply");
    expect(readArticleOffers(lines, [notFound(2, { askedAnew: true }, "kb2")])[0].answer).toBe("otherReply");
    expect(readArticleOffers(lines, [notFound(2, { query: "q" })])[0].answer).toBe("otherReply");
    expect(readArticleOffers(lines)[0].answer).toBe("otherReply");
  });

  it("has no answer before the customer replied, nor with a pick", () => {
    expect(readArticleOffers([offer(1, [SHIPPING])], [notFound(1, { askedAnew: true })])[0]).toMatchObject({ replied: false, answer: null });
    expect(readArticleOffers([offer(1, [SHIPPING]), customer(2), answer(2, SHIPPING, true)])[0]).toMatchObject({ replied: true, picked: SHIPPING, answer: null });
  });

  it("keeps the buttons' labels as the customer saw them", () => {
    expect(readArticleOffers([offer(1, [SHIPPING, RETURNS])])[0].choices).toEqual(["Shipping", "Returns", "None of these"]);
  });
});

describe("readOffers with the intent step's Did you mean…?", () => {
  const intentOffer = (second: number, nodeId = "i1"): OfferLine => ({
    role: "bot",
    createdAt: at(second),
    metadata: { offeredIntents: ["order_status", "returns"], choices: ["Order status", "Returns", "Something else"], nodeId },
  });
  const outcome = (type: string, second: number, payload: Record<string, unknown>, nodeId = "i1"): OfferOutcomeEvent => ({ type, nodeId, createdAt: at(second), payload });

  it("reads the pick from intent.confirmed, a decline and a new message from intent.declined, in one sequence with the kb step's offers", () => {
    const lines = [intentOffer(1), customer(2), intentOffer(3), customer(4), intentOffer(5), customer(6), offer(7, [SHIPPING, RETURNS]), customer(8)];
    const events = [
      outcome("intent.confirmed", 2, { intent: "returns" }),
      outcome("intent.declined", 4, {}),
      outcome("intent.declined", 6, { askedAnew: true }),
      notFound(8, { declinedSuggestions: true }),
      // Another step's event at the same time is not this offer's.
      outcome("intent.confirmed", 8, { intent: "returns" }, "i2"),
    ];
    expect(readOffers(lines, events).map((read) => [read.kind, read.kind === "intents" ? read.picked?.label ?? null : read.picked?.title ?? null, read.answer])).toEqual([
      ["intents", "Returns", null],
      ["intents", null, "declined"],
      ["intents", null, "askedAnew"],
      ["articles", null, "declined"],
    ]);
    expect(readOffers(lines, events)[0]).toMatchObject({ intents: [{ name: "order_status", label: "Order status" }, { name: "returns", label: "Returns" }] });
    // The kb step's own reader sees its offers only.
    expect(readArticleOffers(lines, events)).toHaveLength(1);
  });

  it("an offer no one replied to has no answer; a reply the step did not read is otherReply", () => {
    expect(readOffers([intentOffer(1)])[0]).toMatchObject({ replied: false, answer: null });
    expect(readOffers([intentOffer(1), customer(2)])[0]).toMatchObject({ replied: true, answer: "otherReply" });
  });
});
