/**
 * "Did you mean…?" at the intent step: below the threshold, with offerChoices on, the step offers
 * its intents ranked at OFFER_FLOOR or more as buttons; a pick routes to the intent, "Something
 * else" to unsure, and any other reply is classified once more with no second offer. Run through
 * compiled machines with an engine whose rankings the test fixes per message.
 */
import { describe, expect, it } from "vitest";
import type { RankedIntent } from "~/engines/types";
import { IntentDataSchema } from "~/nodes/intent/schema";
import { intentsToOffer, OFFER_FLOOR } from "~/nodes/intent/offer";
import { intentDemo } from "~/nodes/intent/demo";
import { nodeRegistry } from "~/nodes/registry";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, outcomes, texts } from "../flow/helpers";

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my parcel", "my package is late", "order status", "has it shipped"] },
  { name: "returns", examples: ["return an item", "send it back", "start a return", "return my shoes", "refund for a return"] },
  { name: "billing", examples: ["charged twice", "wrong invoice", "billing question", "payment failed", "my card was charged"] },
];
const HALF_UNDERSTOOD = "my thing from last week never came";
const FAINT = "the weather is nice";
const CLEAR = "where is my order";

/** Each message's ranking, as the classifier would give it; anything unknown ranks nothing. */
const RANKINGS: Record<string, RankedIntent[]> = {
  [HALF_UNDERSTOOD]: [
    { name: "order_status", confidence: 0.55 },
    { name: "returns", confidence: 0.35 },
    { name: "billing", confidence: OFFER_FLOOR - 0.01 },
  ],
  [FAINT]: [
    { name: "order_status", confidence: OFFER_FLOOR - 0.05 },
    { name: "returns", confidence: 0.1 },
  ],
  [CLEAR]: [{ name: "order_status", confidence: 0.93 }],
  "I was charged twice on my card": [{ name: "billing", confidence: 0.88 }],
  "still no idea honestly": [{ name: "billing", confidence: 0.5 }],
};

function rankingEngines() {
  const engines = createFakeEngines();
  engines.intents.classify = async ({ text }) => {
    const ranked = RANKINGS[text] ?? [];
    return { intent: ranked[0]?.name ?? null, confidence: ranked[0]?.confidence ?? 0, ranked };
  };
  return engines;
}

/** start → intent step (threshold 0.7) → one message per output, then end; the repeated-failure handoff is off. */
function intentFlow(data: Record<string, unknown>) {
  return compileClean(
    buildFlow(
      [
        ["s", "start", { greeting: "Hi!" }],
        ["i", "intent", { intents: INTENTS, threshold: 0.7, ...data }],
        ["o", "message", { text: "Order branch." }],
        ["r", "message", { text: "Returns branch." }],
        ["b", "message", { text: "Billing branch." }],
        ["u", "message", { text: "Not sure branch." }],
        ["e", "end", { text: "" }],
      ],
      [["s", "next", "i"], ["i", "order_status", "o"], ["i", "returns", "r"], ["i", "billing", "b"], ["i", "unsure", "u"], ["o", "next", "e"], ["r", "next", "e"], ["b", "next", "e"], ["u", "next", "e"]],
      { repeatedFailure: { enabled: false, limit: 2, team: "support", priority: "normal" } },
    ),
  );
}

async function offered(data: Record<string, unknown> = { offerChoices: true }) {
  const conversation = new Conversation(intentFlow(data), rankingEngines());
  await conversation.start();
  const offer = await conversation.say(HALF_UNDERSTOOD);
  return { conversation, offer };
}

describe("which intents are offered", () => {
  it("the step's own intents at the floor or more, best first, at most three", () => {
    const ranked = [
      { name: "d", confidence: 0.31 },
      { name: "a", confidence: 0.6 },
      { name: "stranger", confidence: 0.65 },
      { name: "b", confidence: 0.5 },
      { name: "c", confidence: 0.45 },
    ];
    expect(intentsToOffer(ranked, ["a", "b", "c", "d"], 0.3).map((intent) => intent.name)).toEqual(["a", "b", "c"]);
    expect(intentsToOffer(ranked, ["a", "d"], 0.55).map((intent) => intent.name)).toEqual(["a"]);
    expect(intentsToOffer(ranked, ["d"], 0.4)).toEqual([]);
  });
});

describe("an intent step that offers choices when unsure", () => {
  it("asks Did you mean with the intents above the floor as buttons plus Something else, and waits (no output, no failure)", async () => {
    const { offer } = await offered();
    expect(offer.status).toBe("bot");
    expect(offer.messages).toEqual([
      expect.objectContaining({ text: "Did you mean one of these?", choices: ["Order status", "Returns", "Something else"], offeredIntents: ["order_status", "returns"] }),
    ]);
    expect(outcomes(offer)).toEqual([]);
    expect(offer.state.intent).toBeNull();
    // The customer's message keeps its verdict for the review list: unsure at 55%.
    expect(offer.events.find((event) => event.type === "intent.classified")?.payload).toMatchObject({ intent: null, confidence: 0.55, text: HALF_UNDERSTOOD });
    expect(offer.events.find((event) => event.type === "intent.offered")?.payload).toEqual({
      offered: [
        { name: "order_status", confidence: 0.55 },
        { name: "returns", confidence: 0.35 },
      ],
      text: HALF_UNDERSTOOD,
    });
  });

  it("a tapped intent routes to its output, recorded as confirmed; the intent counts as certain and the original message stays the question", async () => {
    const { conversation } = await offered();
    const pick = await conversation.say("Returns");
    expect(texts(pick)).toEqual(["Returns branch."]);
    expect(outcomes(pick)).toEqual(["i:returns", "r:next"]);
    expect(pick.events.find((event) => event.type === "intent.confirmed")?.payload).toEqual({
      intent: "returns",
      confidence: 0.35,
      offered: [
        { name: "order_status", confidence: 0.55 },
        { name: "returns", confidence: 0.35 },
      ],
      text: HALF_UNDERSTOOD,
    });
    expect(pick.state.intent).toEqual({ name: "returns", confidence: 1 });
    expect(pick.state.lastConfidence.intent).toBe(1);
    expect(pick.state.pendingQuestion).toBe(HALF_UNDERSTOOD);
    // The tap is not classified: the engine saw the first message only.
    expect(eventTypes(pick)).not.toContain("intent.classified");
  });

  it.each(["order status please", "the first one", "1"])("a typed pick (%j) routes too", async (reply) => {
    const { conversation } = await offered();
    expect(outcomes(await conversation.say(reply))).toEqual(["i:order_status", "o:next"]);
  });

  it.each(["Something else", "no", "none", "neither"])("%j declines: unsure, recorded with what was offered", async (reply) => {
    const { conversation } = await offered();
    const declined = await conversation.say(reply);
    expect(texts(declined)).toEqual(["Not sure branch."]);
    expect(outcomes(declined)).toEqual(["i:unsure", "u:next"]);
    expect(declined.events.find((event) => event.type === "intent.declined")?.payload).toEqual({
      offered: [
        { name: "order_status", confidence: 0.55 },
        { name: "returns", confidence: 0.35 },
      ],
      text: HALF_UNDERSTOOD,
    });
    expect(declined.state.intent).toBeNull();
    expect(declined.state.lastConfidence.intent).toBe(0.55);
    expect(declined.state.pendingQuestion).toBe(HALF_UNDERSTOOD);
  });

  it("a new message is classified and routed when it reaches the threshold", async () => {
    const { conversation } = await offered();
    const anew = await conversation.say("I was charged twice on my card");
    expect(outcomes(anew)).toEqual(["i:billing", "b:next"]);
    expect(anew.events.find((event) => event.type === "intent.declined")?.payload).toMatchObject({ askedAnew: true, text: HALF_UNDERSTOOD });
    expect(anew.events.find((event) => event.type === "intent.classified")?.payload).toMatchObject({ intent: "billing", text: "I was charged twice on my card" });
    expect(anew.state.pendingQuestion).toBe("I was charged twice on my card");
  });

  it("a new message under the threshold goes to unsure, never to a second offer", async () => {
    const { conversation } = await offered();
    const anew = await conversation.say("still no idea honestly");
    expect(outcomes(anew)).toEqual(["i:unsure", "u:next"]);
    expect(texts(anew)).toEqual(["Not sure branch."]);
    expect(eventTypes(anew)).not.toContain("intent.offered");
  });

  it("a greeting at the offer is answered and the offer still stands", async () => {
    const { conversation } = await offered();
    const hello = await conversation.say("thanks!");
    expect(texts(hello)).toEqual(["You're welcome! Is there anything else I can help with?"]);
    expect(outcomes(hello)).toEqual([]);
    expect(outcomes(await conversation.say("Order status"))).toEqual(["i:order_status", "o:next"]);
  });

  it("offers nothing when no intent reaches the floor: unsure at once", async () => {
    const conversation = new Conversation(intentFlow({ offerChoices: true }), rankingEngines());
    await conversation.start();
    const faint = await conversation.say(FAINT);
    expect(outcomes(faint)).toEqual(["i:unsure", "u:next"]);
    expect(eventTypes(faint)).not.toContain("intent.offered");
  });

  it("a message over the threshold is routed at once, with no offer", async () => {
    const conversation = new Conversation(intentFlow({ offerChoices: true }), rankingEngines());
    await conversation.start();
    const clear = await conversation.say(CLEAR);
    expect(outcomes(clear)).toEqual(["i:order_status", "o:next"]);
    expect(eventTypes(clear)).not.toContain("intent.offered");
  });

  it("the unsure that follows a decline counts as a failure; the offer itself does not", async () => {
    const conversation = new Conversation(
      compileClean(
        buildFlow(
          [
            ["s", "start", { greeting: "Hi!" }],
            ["i", "intent", { intents: INTENTS, threshold: 0.7, offerChoices: true }],
            ["o", "message", { text: "Order branch." }],
            ["e", "end", { text: "" }],
          ],
          [["s", "next", "i"], ["i", "order_status", "o"], ["i", "returns", "o"], ["i", "billing", "o"], ["i", "unsure", "i"], ["o", "next", "e"]],
          { repeatedFailure: { enabled: true, limit: 2, team: "support", priority: "normal" } },
        ),
      ),
      rankingEngines(),
    );
    await conversation.start();
    await conversation.say(HALF_UNDERSTOOD);
    const first = await conversation.say("Something else");
    expect(first.status).toBe("bot");
    expect(outcomes(first)).toEqual(["i:unsure"]);
    // Offered again (a new visit), declined again: the second failure hands off.
    expect(texts(await conversation.say(HALF_UNDERSTOOD))).toEqual(["Did you mean one of these?"]);
    expect((await conversation.say("no")).status).toBe("handoff");
  });
});

describe("with offerChoices off, and in stored flows without it", () => {
  it("a stored step without the field parses with it off, and new steps get it on", () => {
    expect(IntentDataSchema.parse({ intents: INTENTS, threshold: 0.7 }).offerChoices).toBe(false);
    expect(nodeRegistry.intent.createData()).toMatchObject({ offerChoices: true });
    expect(nodeRegistry.intent.example()).toMatchObject({ offerChoices: true });
  });

  it.each([{ offerChoices: false }, {}])("goes to unsure at once as before (%j)", async (data) => {
    const { offer } = await offered(data);
    expect(texts(offer)).toEqual(["Not sure branch."]);
    expect(outcomes(offer)).toEqual(["i:unsure", "u:next"]);
    expect(eventTypes(offer)).not.toContain("intent.offered");
  });
});

describe("the demo history's customer at the offer", () => {
  const random = { next: () => 0, chance: () => true, int: (min: number) => min, pick: <T,>(items: readonly T[]) => items[0], weighted: <T,>(items: readonly T[]) => items[0], logNormal: (median: number) => median };
  const data = IntentDataSchema.parse({ intents: INTENTS, offerChoices: true });
  const customer = { name: null, email: null };

  it("taps the first offered intent, and answers other buttons with a request", () => {
    expect(intentDemo.reply({ data, random, customer, botLines: [{ text: "Did you mean one of these?", choices: ["Returns", "Billing", "Something else"] }] })).toBe("Returns");
    // Buttons that are not this step's intents (a previous step's) are no offer of its own.
    expect(intentDemo.reply({ data, random: { ...random, chance: () => false }, customer, botLines: [{ text: "Did this help?", choices: ["Yes", "No"] }] })).toBe(INTENTS[0].examples[0]);
  });
});
