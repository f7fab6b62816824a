/**
 * The intent step's review list ("Messages this step wasn't sure about") on the real database:
 * only this flow's step, "Not sure" and low-confidence messages, one row per distinct message
 * with its count, dismissed ones gone for good, legacy events read through their conversation's
 * message, and the resource route admins-only. Runs on SQLite and PostgreSQL (integration-pg).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listIntentReview, SCAN_LIMIT } from "~/flow-admin/intent-review.server";
import { normaliseMessage } from "~/nodes/intent/review";
import * as reviewRoute from "~/routes/flows.$id.intent-review";
import { db } from "~/utils/db.server";
import { createFixtureFlow, type FixtureFlow } from "../support/analytics-fixtures";
import { seedAndFind, sessionCookieFor, settle } from "../support/auth";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

const NOW = new Date();
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

type Verdict = { intent: string | null; confidence: number; ranked: Array<{ name: string; confidence: number }> };
const notSure = (guess: string, confidence: number): Verdict => ({ intent: null, confidence, ranked: [{ name: guess, confidence }] });
const taken = (intent: string, confidence: number): Verdict => ({ intent, confidence, ranked: [{ name: intent, confidence }] });

let sequence = 0;

/**
 * One customer message classified at `nodeId`, written as a turn writes it: the message and the
 * event at one timestamp. `legacy`: an event from before the text was recorded in it.
 */
async function classified(flow: FixtureFlow, input: { nodeId?: string; text: string; verdict: Verdict; minutesAgo: number; channel?: string; legacy?: boolean }): Promise<string> {
  sequence += 1;
  const createdAt = minutesAgo(input.minutesAgo);
  const conversation = await db.conversation.create({
    data: {
      flowId: flow.id,
      flowVersionId: input.channel === "preview" ? flow.previewVersionId : flow.versionId,
      channel: input.channel ?? "web",
      tokenHash: `review-${sequence}`,
      createdAt,
    },
    select: { id: true },
  });
  await db.message.createMany({
    data: [
      { conversationId: conversation.id, seq: 0, role: "bot", text: "How can I help?", createdAt },
      { conversationId: conversation.id, seq: 1, role: "customer", text: input.text, createdAt },
      // What the customer said later must not be taken for the classified message.
      { conversationId: conversation.id, seq: 2, role: "customer", text: "hello??", createdAt: new Date(createdAt.getTime() + 60_000) },
    ],
  });
  const payload = input.legacy ? input.verdict : { ...input.verdict, text: input.text };
  await stepEvent(flow, conversation.id, { type: "intent.classified", nodeId: input.nodeId, payload, minutesAgo: input.minutesAgo });
  return conversation.id;
}

/** A later event of the step (or `nodeId`) in the same conversation. */
async function stepEvent(flow: FixtureFlow, conversationId: string, input: { type: string; nodeId?: string; payload: object; minutesAgo: number }) {
  const createdAt = minutesAgo(input.minutesAgo);
  await db.event.create({ data: { conversationId, flowId: flow.id, type: input.type, nodeId: input.nodeId ?? "topic", payload: JSON.stringify(input.payload), createdAt } });
}

let shop: FixtureFlow;
let other: FixtureFlow;

beforeAll(async () => {
  shop = await createFixtureFlow({ slug: "shop", name: "Shop", defaultTeam: "support" });
  other = await createFixtureFlow({ slug: "other", name: "Other", defaultTeam: "support" });
  await classified(shop, { text: "my parcel is stuck in customs", verdict: notSure("track", 0.41), minutesAgo: 50 });
  await classified(shop, { text: "My parcel is stuck in customs!", verdict: notSure("track", 0.45), minutesAgo: 10 });
  await classified(shop, { text: "my parcel is stuck in customs", verdict: taken("track", 0.72), minutesAgo: 30, legacy: true });
  await classified(shop, { text: "can I swap the colour", verdict: taken("refund", 0.66), minutesAgo: 20 });
  await classified(shop, { text: "gift wrap available?", verdict: notSure("refund", 0.3), minutesAgo: 40, legacy: true });
  // Not for review: sure enough, another step, a preview run, too old, another flow.
  await classified(shop, { text: "where is my order", verdict: taken("track", 0.93), minutesAgo: 5 });
  await classified(shop, { nodeId: "second-step", text: "second step message", verdict: notSure("track", 0.2), minutesAgo: 5 });
  await classified(shop, { text: "testing my own draft", verdict: notSure("track", 0.2), minutesAgo: 5, channel: "preview" });
  await classified(shop, { text: "a month and a half ago", verdict: notSure("track", 0.2), minutesAgo: 45 * 24 * 60 });
  await classified(other, { text: "another flow's secret", verdict: notSure("track", 0.2), minutesAgo: 5 });
});

describe("listIntentReview", () => {
  it("lists this step's unsure and low-confidence messages once each, newest first, with their count and latest guess", async () => {
    const items = await listIntentReview({ flowId: shop.id, nodeId: "topic", threshold: 0.7, now: NOW });
    expect(items.map(({ text, count, notSure, guess }) => ({ text, count, notSure, guess }))).toEqual([
      { text: "My parcel is stuck in customs!", count: 3, notSure: true, guess: { name: "track", confidence: 0.45 } },
      { text: "can I swap the colour", count: 1, notSure: false, guess: { name: "refund", confidence: 0.66 } },
      // A legacy event: the text is the conversation's customer message at the event, not a later one.
      { text: "gift wrap available?", count: 1, notSure: true, guess: { name: "refund", confidence: 0.3 } },
    ]);
    expect(items[0].lastSeenAt).toBe(minutesAgo(10).toISOString());
  });

  it("follows the step's threshold: a stricter step also lists what it would no longer take", async () => {
    const strict = await listIntentReview({ flowId: shop.id, nodeId: "topic", threshold: 0.95, now: NOW });
    // Taken at 93% under the old threshold: under this step's 95% it would go to "Not sure".
    expect(strict.map((item) => item.text)).toEqual(["where is my order", "My parcel is stuck in customs!", "can I swap the colour", "gift wrap available?"]);
    // A lenient step still reviews what it took under 80% (the 66% and 72% guesses), never the 93% one.
    const lenient = await listIntentReview({ flowId: shop.id, nodeId: "topic", threshold: 0.5, now: NOW });
    expect(lenient.map((item) => item.text)).toEqual(["My parcel is stuck in customs!", "can I swap the colour", "gift wrap available?"]);
  });

  it("never shows another flow's or another step's messages", async () => {
    const texts = (await listIntentReview({ flowId: other.id, nodeId: "topic", threshold: 0.7, now: NOW })).map((item) => item.text);
    expect(texts).toEqual(["another flow's secret"]);
    expect((await listIntentReview({ flowId: shop.id, nodeId: "second-step", threshold: 0.7, now: NOW })).map((item) => item.text)).toEqual(["second step message"]);
  });
});

describe("a step whose newest messages were dismissed", () => {
  it("still lists the messages behind a full scan's worth of dismissed ones", async () => {
    const busy = await createFixtureFlow({ slug: "busy", name: "Busy", defaultTeam: "support" });
    const dismissedText = "cancel my subscription";
    await db.intentReviewDismissal.create({ data: { flowId: busy.id, nodeId: "topic", messageKey: normaliseMessage(dismissedText) } });
    // One scan's worth of the dismissed message, newer than the other message's first sending; in
    // threes at one timestamp, so a page may end inside a group of equal timestamps.
    const conversation = await db.conversation.create({ data: { flowId: busy.id, flowVersionId: busy.versionId, tokenHash: "review-busy" }, select: { id: true } });
    const payload = JSON.stringify({ ...notSure("cancel", 0.4), text: dismissedText });
    await db.event.createMany({
      data: Array.from({ length: SCAN_LIMIT + 5 }, (_, index) => ({
        conversationId: conversation.id,
        flowId: busy.id,
        type: "intent.classified",
        nodeId: "topic",
        payload,
        createdAt: new Date(NOW.getTime() - 60_000 - Math.floor(index / 3) * 1_000),
      })),
    });
    await classified(busy, { text: "does the jacket run small", verdict: notSure("sizing", 0.5), minutesAgo: 0.5 });
    await classified(busy, { text: "does the jacket run small?", verdict: notSure("sizing", 0.35), minutesAgo: 60 });

    const items = await listIntentReview({ flowId: busy.id, nodeId: "topic", threshold: 0.7, now: NOW });
    expect(items.map(({ text, count }) => ({ text, count }))).toEqual([{ text: "does the jacket run small", count: 2 }]);
  });
});

describe("the intent-review route", () => {
  let adminCookie: string;
  let agentCookie: string;
  beforeAll(async () => {
    adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
    agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
  });
  const call = (kind: "loader" | "action", flowId: string, cookie: string, options: { query?: string; body?: unknown } = {}) => {
    const request = new Request(`http://baton.test/flows/${flowId}/intent-review${options.query ?? ""}`, {
      method: kind === "action" ? "POST" : "GET",
      headers: { cookie, ...(options.body ? { "content-type": "application/json" } : {}) },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const handler = reviewRoute[kind] as (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
    return settle(() => handler({ request, params: { id: flowId }, context: {} })) as Promise<Response>;
  };
  const listed = async (flowId: string) => ((await (await call("loader", flowId, adminCookie, { query: "?nodeId=topic" })).json()) as { items: Array<{ text: string }> }).items.map((item) => item.text);

  it("lists at the threshold it is asked for, else at the step's in the draft", async () => {
    const strictFlow = await createFixtureFlow({ slug: "strict", name: "Strict", defaultTeam: "support" });
    const draft = JSON.parse((await db.flow.findUniqueOrThrow({ where: { id: strictFlow.id }, select: { draft: true } })).draft) as { nodes: unknown[] };
    draft.nodes.push({ id: "topic", kind: "intent", position: { x: 5, y: 5 }, data: { intents: [{ name: "track", examples: ["where is my order"] }], threshold: 0.95 } });
    await db.flow.update({ where: { id: strictFlow.id }, data: { draft: JSON.stringify(draft) } });
    await classified(strictFlow, { text: "where is my parcel", verdict: taken("track", 0.9), minutesAgo: 5 });
    const body = async (query: string) => (await (await call("loader", strictFlow.id, adminCookie, { query })).json()) as { items: Array<{ text: string }>; threshold: number };
    expect(await body("?nodeId=topic")).toMatchObject({ threshold: 0.95, items: [{ text: "where is my parcel" }] });
    expect(await body("?nodeId=topic&threshold=0.7")).toEqual({ threshold: 0.7, items: [] });
    expect((await call("loader", strictFlow.id, adminCookie, { query: "?nodeId=topic&threshold=1.5" })).status).toBe(400);
  });

  it("is for admins only and needs a step", async () => {
    expect((await call("loader", shop.id, agentCookie, { query: "?nodeId=topic" })).status).toBe(403);
    expect((await call("action", shop.id, agentCookie, { body: { nodeId: "topic", text: "gift wrap available?" } })).status).toBe(403);
    expect((await call("loader", shop.id, adminCookie)).status).toBe(400);
    expect((await call("loader", "no-such-flow", adminCookie, { query: "?nodeId=topic" })).status).toBe(404);
  });

  it("hides a dismissed message from this flow's step for good, whatever its case, and from no other flow", async () => {
    expect(await listed(shop.id)).toContain("My parcel is stuck in customs!");
    const dismissed = await call("action", shop.id, adminCookie, { body: { nodeId: "topic", text: "my parcel is STUCK in customs" } });
    expect(dismissed.status).toBe(200);
    expect((await call("action", shop.id, adminCookie, { body: { nodeId: "topic", text: "my parcel is stuck in customs" } })).status).toBe(200);
    expect(await listed(shop.id)).toEqual(["can I swap the colour", "gift wrap available?"]);
    // The same words sent again later stay hidden.
    await classified(shop, { text: "my parcel is stuck in customs", verdict: notSure("track", 0.4), minutesAgo: 1 });
    expect(await listed(shop.id)).toEqual(["can I swap the colour", "gift wrap available?"]);
    // Dismissed on the shop's step only: another flow with the same words still shows them.
    await classified(other, { text: "my parcel is stuck in customs", verdict: notSure("track", 0.4), minutesAgo: 1 });
    expect(await listed(other.id)).toContain("my parcel is stuck in customs");
    expect((await call("action", "no-such-flow", adminCookie, { body: { nodeId: "topic", text: "x" } })).status).toBe(404);
  });
});

describe("the customer's pick at “Did you mean…?”", () => {
  const offered = (text: string) => ({ offered: [{ name: "track", confidence: 0.4 }, { name: "refund", confidence: 0.3 }], text });

  it("joins the intent the customer then tapped, or their “Something else”, to the message it followed — and no later offer's", async () => {
    const offers = await createFixtureFlow({ slug: "offers", name: "Offers", defaultTeam: "support" });
    const review = () => listIntentReview({ flowId: offers.id, nodeId: "topic", threshold: 0.7, now: NOW });

    const picked = await classified(offers, { text: "parcel went nowhere", verdict: notSure("refund", 0.4), minutesAgo: 30 });
    await stepEvent(offers, picked, { type: "intent.offered", payload: offered("parcel went nowhere"), minutesAgo: 30 });
    await stepEvent(offers, picked, { type: "intent.confirmed", payload: { intent: "track", confidence: 0.4, ...offered("parcel went nowhere") }, minutesAgo: 29 });

    const declined = await classified(offers, { text: "talk about my account", verdict: notSure("refund", 0.3), minutesAgo: 20 });
    await stepEvent(offers, declined, { type: "intent.declined", payload: offered("talk about my account"), minutesAgo: 19 });
    // Another step's pick in the same conversation is not this step's.
    await stepEvent(offers, declined, { type: "intent.confirmed", nodeId: "second-step", payload: { intent: "track", confidence: 0.3 }, minutesAgo: 18 });

    // Offered, but the customer wrote something new (classified afresh and taken), then later in the same
    // conversation tapped an intent at a second offer: that pick answered the later message, not this one.
    const rephrased = await classified(offers, { text: "hmm the thing with the box", verdict: notSure("track", 0.35), minutesAgo: 15 });
    await stepEvent(offers, rephrased, { type: "intent.declined", payload: { ...offered("hmm the thing with the box"), askedAnew: true }, minutesAgo: 14 });
    await stepEvent(offers, rephrased, { type: "intent.classified", payload: { ...taken("track", 0.95), text: "where is my parcel" }, minutesAgo: 14 });
    await stepEvent(offers, rephrased, { type: "intent.classified", payload: { ...notSure("track", 0.4), text: "and the other box" }, minutesAgo: 10 });
    await stepEvent(offers, rephrased, { type: "intent.confirmed", payload: { intent: "refund", confidence: 0.3, ...offered("and the other box") }, minutesAgo: 9 });

    // Never offered (taken under 80%): nothing to join.
    await classified(offers, { text: "swap for a bigger size", verdict: taken("refund", 0.75), minutesAgo: 5 });

    const items = await review();
    expect(items.map(({ text, confirmed, declined }) => ({ text, confirmed, declined }))).toEqual([
      { text: "swap for a bigger size", confirmed: null, declined: false },
      { text: "and the other box", confirmed: { name: "refund" }, declined: false },
      { text: "hmm the thing with the box", confirmed: null, declined: false },
      { text: "talk about my account", confirmed: null, declined: true },
      { text: "parcel went nowhere", confirmed: { name: "track" }, declined: false },
    ]);

    // The same words sent again and declined later: the earlier sending's pick still labels the row.
    const again = await classified(offers, { text: "Parcel went nowhere!", verdict: notSure("refund", 0.42), minutesAgo: 3 });
    await stepEvent(offers, again, { type: "intent.declined", payload: offered("Parcel went nowhere!"), minutesAgo: 2 });
    const row = (await review()).find((item) => normaliseMessage(item.text) === "parcel went nowhere");
    expect(row).toMatchObject({ text: "Parcel went nowhere!", count: 2, confirmed: { name: "track" }, declined: false });
  });
});

describe("a real turn", () => {
  it("records the customer's words with the verdict, and the list shows them when the step was unsure", async () => {
    await seedTeams();
    await publishFixtureFlow("runtime-test");
    const { id, token } = await startConversation("runtime-test");
    await say(id, token, "zebra crossing lighthouse");
    const event = await db.event.findFirstOrThrow({ where: { conversationId: id, type: "intent.classified" }, select: { flowId: true, payload: true } });
    const payload = JSON.parse(event.payload) as Verdict & { text: string };
    expect(payload.text).toBe("zebra crossing lighthouse");
    const texts = (await listIntentReview({ flowId: event.flowId, nodeId: "topic", threshold: 0.7 })).map((item) => item.text);
    const forReview = payload.intent === null || payload.confidence < 0.8;
    expect(texts.includes("zebra crossing lighthouse")).toBe(forReview);
  });
});
