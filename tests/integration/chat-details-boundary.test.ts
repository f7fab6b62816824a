/**
 * GET /chat/:slug/details (the chat page's team, wait, agent names and feedback): a customer reads
 * their own conversation's details only. Another conversation's valid token or chat cookie, and
 * the right token under another flow's address, get the API's one 404.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as detailsRoute from "~/routes/chat.$slug.details";
import { chatCookieName } from "~/runtime/api/auth.server";
import { BASE, publishFixtureFlow, seedTeams, startConversation } from "../support/chat-api";

type Presented = { bearer?: string; cookie?: string };

async function details(conversationId: string, presented: Presented, slug = "runtime-test"): Promise<Response> {
  const headers: Record<string, string> = {};
  if (presented.bearer) headers.authorization = `Bearer ${presented.bearer}`;
  if (presented.cookie) headers.cookie = presented.cookie;
  const request = new Request(`${BASE}/chat/${slug}/details?conversation=${conversationId}`, { headers });
  try {
    return (await detailsRoute.loader({ request, params: { slug }, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let mine: { id: string; token: string };
let theirs: { id: string; token: string };

beforeAll(async () => {
  await seedTeams();
  await publishFixtureFlow();
  [mine, theirs] = await Promise.all([startConversation(), startConversation()]);
});

describe("a customer's conversation details", () => {
  it("open with the conversation's own token or cookie", async () => {
    expect((await details(mine.id, { bearer: mine.token })).status).toBe(200);
    expect((await details(mine.id, { cookie: `${chatCookieName("runtime-test")}=${mine.id}.${mine.token}` })).status).toBe(200);
  });

  it("refuse another conversation's valid token or cookie, and another flow's address, with the same 404", async () => {
    const refusals = [
      await details(theirs.id, { bearer: mine.token }),
      await details(theirs.id, { cookie: `${chatCookieName("runtime-test")}=${mine.id}.${mine.token}` }),
      // A cookie naming their conversation with my token.
      await details(theirs.id, { cookie: `${chatCookieName("runtime-test")}=${theirs.id}.${mine.token}` }),
      await details(mine.id, { bearer: mine.token }, "another-flow"),
      await details(theirs.id, {}),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(await response.json())).not.toContain(theirs.id);
    }
  });
});
