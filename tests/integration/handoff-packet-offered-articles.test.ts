/**
 * The handoff packet tells the agent what the customer was shown by the KB, through the real
 * runtime, the public chat API, the starter flow store-support and the demo knowledge base: the
 * articles a step offered ("These articles might help"), which one the customer picked if any —
 * or whether they declined the offer, asked something else instead or replied otherwise, read from the transcript
 * by the same rule as the inbox's (runtime/offers.ts) — and the articles it answered with. Before: the packet read only answers' sources, so after an
 * offer declined with "None of these" it said "Articles shown: None" and the summary
 * "Bot tried: nothing yet".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { SourceSchema } from "~/runtime/messages";
import { db } from "~/utils/db.server";
import { seedKnowledgeBase } from "~/workspace/seed-knowledge-base.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { say, seedTeams, startConversation } from "../support/chat-api";

// No demo article answers this surely: the kb step offers its likely ones.
const UNSURE = "my gift card balance is missing";
const OFFER_LINE = "These articles might help. Which one fits your question?";

async function packetOf(conversationId: string) {
  const row = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { handoff: true, summary: true } });
  const packet = parseHandoffPacket(row.handoff);
  if (!packet) throw new Error("expected a handoff packet");
  return { packet, summary: row.summary ?? "" };
}

/** A store-support conversation offered articles for UNSURE: the titles as the customer saw them. */
async function offeredConversation() {
  const { id, token } = await startConversation("store-support");
  const reply = await say(id, token, UNSURE);
  const offer = reply.json.messages.find((message) => message.text === OFFER_LINE);
  const titles = (offer?.choices ?? []).slice(0, -1);
  expect(titles.length).toBeGreaterThanOrEqual(2);
  return { id, token, titles };
}

beforeAll(async () => {
  await seedTeams();
  await seedStarterFlows(db);
  await seedKnowledgeBase(db);
});

describe("the handoff packet after the KB offered likely articles", () => {
  it("lists the offered articles as declined when the customer answered None of these", async () => {
    const { id, token, titles } = await offeredConversation();
    await say(id, token, "None of these");
    const handoff = await say(id, token, "talk to a person");
    expect(handoff.json.status).toBe("waiting");
    const { packet, summary } = await packetOf(id);
    expect(packet.tried.articlesShown).toEqual([]);
    expect(packet.tried.articlesOffered).toEqual([{ articles: titles.map((title) => expect.objectContaining({ title })), pickedId: null, answer: "declined" }]);
    expect(summary).toContain(`Bot tried: offered ${titles.map((title) => `"${title}"`).join(", ")} (declined the suggestions)`);
  });

  it("tells a new question typed instead of a pick apart from declining, as the transcript does", async () => {
    const { id, token, titles } = await offeredConversation();
    // Not a title nor "None of these": the kb step reads it as a new question (and answers it).
    await say(id, token, "how do I reset my password?");
    const handoff = await say(id, token, "talk to a person");
    expect(handoff.json.status).toBe("waiting");
    const { packet, summary } = await packetOf(id);
    expect(packet.tried.articlesOffered).toEqual([{ articles: titles.map((title) => expect.objectContaining({ title })), pickedId: null, answer: "askedAnew" }]);
    expect(summary).toContain(`offered ${titles.map((title) => `"${title}"`).join(", ")} (asked something else instead)`);
  });

  it("reads a decline in the turn that hands off, where the kb step's outcome is not stored yet", async () => {
    // At the shipping topic's kb step, whose "not found" goes straight to a person.
    const { id, token } = await startConversation("store-support");
    const offer = (await say(id, token, "shipping delays and costs")).json.messages.find((message) => message.text === OFFER_LINE);
    const titles = (offer?.choices ?? []).slice(0, -1);
    expect(titles.length).toBeGreaterThanOrEqual(2);
    const handoff = await say(id, token, "None of these");
    expect(handoff.json.status).toBe("waiting");
    const { packet, summary } = await packetOf(id);
    expect(packet.tried.articlesOffered).toEqual([{ articles: titles.map((title) => expect.objectContaining({ title })), pickedId: null, answer: "declined" }]);
    expect(summary).toContain("(declined the suggestions)");
  });

  it("tells a reply the kb step did not read (asking for a person) apart from no reply", async () => {
    const { id, token, titles } = await offeredConversation();
    // The offer is still the latest line: asking for a person is the customer's next message, and not an answer the kb step read.
    const handoff = await say(id, token, "talk to a person");
    expect(handoff.json.status).toBe("waiting");
    const { packet, summary } = await packetOf(id);
    expect(packet.tried.articlesOffered).toEqual([{ articles: titles.map((title) => expect.objectContaining({ title })), pickedId: null, answer: "otherReply" }]);
    expect(summary).toContain("(replied without answering the suggestions)");
  });

  it("names the article the customer picked, which is also an article answered with", async () => {
    const { id, token, titles } = await offeredConversation();
    const pick = await say(id, token, titles[1]);
    const answer = SourceSchema.parse(pick.json.messages.find((message) => message.source)?.source);
    expect(answer.title).toBe(titles[1]);
    const handoff = await say(id, token, "No");
    expect(handoff.json.status).toBe("waiting");
    const { packet, summary } = await packetOf(id);
    expect(packet.tried.articlesShown).toEqual([expect.objectContaining({ id: answer.articleId, title: titles[1] })]);
    expect(packet.tried.articlesOffered).toEqual([{ articles: titles.map((title) => expect.objectContaining({ title })), pickedId: answer.articleId, answer: null }]);
    expect(summary).toContain(`answered with "${titles[1]}"`);
    expect(summary).toContain(`(picked "${titles[1]}")`);
  });
});
