/**
 * The handoff notice the runtime writes when the flow keeps the default line sits right above the
 * chat's card, which may say the team is closed or that no one is online: it must not promise a
 * reply "shortly" then. A line the lead wrote is said as written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getConversationDetails } from "~/chat/conversation-details.server";
import { phrasesFor } from "~/flow";
import { db } from "~/utils/db.server";
import { publishFixtureFlow, say, seedTeams, startConversation } from "../support/chat-api";

// "Shortly" and "soon" in the five languages the bot speaks.
const TIME_PROMISE = /shortly|soon|en breve|pronto|bientôt|in Kürze|bald|em breve/i;

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
});

async function handOff(text: string) {
  const { id, token } = await startConversation("runtime-test");
  const reply = await say(id, token, text);
  expect(reply.json.status).toBe("waiting");
  return { id, lines: reply.json.messages.filter((message) => message.role !== "customer").map((message) => message.text) };
}

describe("the default handoff notice", () => {
  it("promises no time in any language the bot speaks", () => {
    for (const locale of ["en", "es", "fr", "de", "pt"]) expect(phrasesFor(locale).handoff("Support")).not.toMatch(TIME_PROMISE);
  });

  it("does not contradict the card when the team is closed or no one is online", async () => {
    // Support opens one hour on a day that is not today (UTC): closed now.
    const today = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date().getUTCDay()];
    const other = today === "wed" ? "thu" : "wed";
    await db.team.update({ where: { slug: "support" }, data: { timeZone: "UTC", hours: JSON.stringify({ [other]: [["09:00", "10:00"]] }) } });
    const closed = await handOff("I want to talk to a human");
    expect((await getConversationDetails(closed.id, "runtime-test"))?.away?.reason).toBe("closed");
    expect(closed.lines).toEqual(["You're being connected to our Support team. A person will reply in this chat."]);

    // Always open, and no one of the team is online.
    await db.team.update({ where: { slug: "support" }, data: { hours: "{}" } });
    const offline = await handOff("I want to talk to a human");
    expect((await getConversationDetails(offline.id, "runtime-test"))?.away?.reason).toBe("nobodyOnline");
    expect(offline.lines).toEqual(["You're being connected to our Support team. A person will reply in this chat."]);
  });

  it("leaves a line the lead wrote as written", async () => {
    const { id, token } = await startConversation("runtime-test");
    await say(id, token, "I was charged twice");
    // The email step allows one retry, then hands off to billing with the lead's own line.
    await say(id, token, "not an email");
    const reply = await say(id, token, "still not one");
    expect(reply.json.status).toBe("waiting");
    expect(reply.json.messages.filter((message) => message.role !== "customer").map((message) => message.text)).toEqual(["Thanks! I'm handing this to our billing specialists."]);
  });
});
