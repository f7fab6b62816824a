/**
 * "These articles might help" through the real runtime, the public chat API and the embedded
 * knowledge engine (words alone here, as everywhere in the integration suite): a kb step saved
 * before the setting existed (no `offerSuggestions`) offers the closest articles when none reaches
 * its minScore (0.9 here: on words alone "my card refunds?" is 0.57 likely from "Store credit refunds" and
 * 0.21 from "Refund methods", together likely enough to offer both; "Checking a refund" has no card);
 * a pick answers from that article, "None of these" hands off; both questions then show among the
 * questions the bot couldn't answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, type SaveResult } from "~/kb/articles.server";
import { listUnansweredQuestions } from "~/kb/unanswered.server";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

const UNSURE = "my card refunds?";

function saved(result: SaveResult | null) {
  if (!result?.ok) throw new Error(`expected a saved article, got ${JSON.stringify(result)}`);
  return result.article;
}

async function eventsOf(conversationId: string, type: string) {
  const rows = await db.event.findMany({ where: { conversationId, type }, orderBy: { createdAt: "asc" }, select: { payload: true } });
  return rows.map((row) => JSON.parse(row.payload) as Record<string, unknown>);
}

let methods: { id: string };
let credit: { id: string };

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow("kb-suggest");
  methods = saved(await createArticle({ title: "Refund methods", body: "Refunds go back to the card you paid with. Card refunds take 5 to 10 business days to show on your statement." }));
  credit = saved(await createArticle({ title: "Store credit refunds", body: "You can choose store credit instead of a card refund. Store credit arrives in your account at once." }));
  saved(await createArticle({ title: "Checking a refund", body: "Your orders page shows where each refund is. A refund is sent once the return reaches our warehouse." }));
  saved(await createArticle({ title: "Gift cards", body: "Gift cards never expire and have no fees." }));
});

describe("a kb step that is unsure, in a chat", () => {
  it("offers the closest articles; the customer picks one and gets its answer with the source and Did this help?", async () => {
    const { id, token } = await startConversation("kb-suggest");
    const offer = await say(id, token, UNSURE);
    expect(offer.response.status).toBe(200);
    expect(offer.json.status).toBe("bot");
    const line = offer.json.messages.find((message) => message.role === "bot");
    expect(line?.text).toBe("These articles might help. Which one fits your question?");
    expect([...(line?.choices ?? [])].sort()).toEqual(["None of these", "Refund methods", "Store credit refunds"]);
    expect(line?.choices?.at(-1)).toBe("None of these");
    expect(line?.choices).not.toContain("Gift cards");
    expect(offer.json.messages.some((message) => message.source)).toBe(false);
    const [suggested] = await eventsOf(id, "kb.suggested");
    expect(suggested).toMatchObject({ query: UNSURE });
    expect((suggested.articles as Array<{ articleId: string }>).map((article) => article.articleId).sort()).toEqual([methods.id, credit.id].sort());

    const pick = await say(id, token, "Refund methods");
    expect(pick.json.status).toBe("bot");
    const [answer, question] = pick.json.messages.filter((message) => message.role === "bot");
    expect(answer).toMatchObject({ text: expect.stringContaining("Refunds go back to the card you paid with."), source: { articleId: methods.id, title: "Refund methods" } });
    expect(question).toMatchObject({ text: "Did this help?", choices: ["Yes", "No"] });
    const [answered] = await eventsOf(id, "kb.answered");
    expect(answered).toMatchObject({ articleId: methods.id, query: UNSURE, picked: true });
    expect(answered.score).toBeLessThan(0.9);

    const yes = await say(id, token, "yes");
    expect(yes.json.messages.map((message) => message.text)).toContain("Great, glad that helped!");
  });

  it("hands off on None of these, with the customer's question as the one not answered", async () => {
    const { id, token } = await startConversation("kb-suggest");
    await say(id, token, UNSURE);
    const none = await say(id, token, "None of these");
    // "waiting": in the team's queue.
    expect(none.json.status).toBe("waiting");
    expect(await eventsOf(id, "kb.notFound")).toEqual([{ query: UNSURE, declinedSuggestions: true }]);
    expect(await eventsOf(id, "kb.answered")).toEqual([]);
  });

  it("hands off at once when no article comes close", async () => {
    const { id, token } = await startConversation("kb-suggest");
    const reply = await say(id, token, "do you sell umbrellas?");
    expect(reply.json.status).toBe("waiting");
    expect(await eventsOf(id, "kb.suggested")).toEqual([]);
    expect(await eventsOf(id, "kb.notFound")).toEqual([{ query: "do you sell umbrellas?" }]);
  });

  it("lists the question among those the bot couldn't answer, marked customer picked and no answer", async () => {
    const unanswered = await listUnansweredQuestions({ limit: 50 });
    expect(unanswered).toContainEqual(expect.objectContaining({ question: UNSURE, count: 2, reasons: expect.arrayContaining(["customerPicked", "noAnswer"]) }));
    expect(unanswered.find((item) => item.question === UNSURE)?.reasons).not.toContain("lowConfidence");
  });
});
