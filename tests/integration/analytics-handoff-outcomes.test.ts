/**
 * Every way a handoff can end, scripted through the real turn engine and inbox actions (so the
 * events analytics reads are the ones the runtime writes), then read back as the page does.
 *
 *   A  support: Ana replies, resolves                      measured · resolved by a person
 *   B  support: Ana resolves without replying              closed without a reply · resolved by a person
 *   C  support: handed back to the end step, no reply      handed back without a reply · closed by the bot
 *   D  support: Ana replies, hands back to the end step    measured · closed by the bot
 *   E  support: handed back to a question, no reply        handed back without a reply · with the bot again
 *   F  support: nobody has answered                        awaiting
 *   G  support → billing before a reply; Ben replies, resolves   measured · resolved by a person · both teams
 *   H  support: Ana replies, then moves it to billing      measured · billing only
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getAnalyticsReport } from "~/analytics/report.server";
import { replyAsAgent, reassignConversation, resolveConversation } from "~/inbox/actions.server";
import { handBackConversation } from "~/inbox/hand-back.server";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

type Viewer = Awaited<ReturnType<typeof viewerFor>>;
let ana: Viewer;
let ben: Viewer;
let admin: Viewer;

let replies = 0;
const reply = (actor: Viewer, conversationId: string) => replyAsAgent(actor, { conversationId, clientMessageId: `reply-${(replies += 1)}`, text: "Looking into it." });

/**
 * Times are stored to the millisecond, and a move and a reply in the same millisecond cannot be
 * ordered by them: the scripted steps that differ only in that order start on the next one.
 */
function onTheNextMillisecond(): void {
  const now = Date.now();
  while (Date.now() === now);
}

async function summaryFor(viewer: Viewer, team?: string) {
  const outcome = await getAnalyticsReport({ id: viewer.id, role: viewer.isAdmin ? "admin" : "agent" }, { range: "7d", ...(team ? { team } : {}) });
  if (!outcome.ok) throw new Error(`refused: ${outcome.status} ${outcome.message}`);
  return outcome.report.summary;
}

beforeAll(async () => {
  await seedInbox();
  [ana, ben, admin] = await Promise.all(["ana@baton.local", "ben@baton.local", "admin@baton.local"].map(viewerFor));
  const billing = await teamId("billing");
  const ok = { ok: true };

  const a = (await handOff()).id;
  expect(await reply(ana, a)).toMatchObject(ok);
  expect(await resolveConversation(ana, a)).toMatchObject(ok);

  const b = (await handOff()).id;
  expect(await resolveConversation(ana, b)).toMatchObject(ok);

  const c = (await handOff()).id;
  expect(await handBackConversation(ana, { conversationId: c, nodeId: "done" })).toMatchObject(ok);

  const d = (await handOff()).id;
  expect(await reply(ana, d)).toMatchObject(ok);
  expect(await handBackConversation(ana, { conversationId: d, nodeId: "done" })).toMatchObject(ok);

  const e = (await handOff()).id;
  expect(await handBackConversation(ana, { conversationId: e, nodeId: "ask-order" })).toEqual({ ok: true, notice: "Handed back to the bot." });

  await handOff();

  const g = (await handOff()).id;
  expect(await reassignConversation(ana, { conversationId: g, teamId: billing, note: "" })).toMatchObject(ok);
  onTheNextMillisecond();
  expect(await reply(ben, g)).toMatchObject(ok);
  expect(await resolveConversation(ben, g)).toMatchObject(ok);

  const h = (await handOff()).id;
  expect(await reply(ana, h)).toMatchObject(ok);
  onTheNextMillisecond();
  expect(await reassignConversation(ana, { conversationId: h, teamId: billing, note: "" })).toMatchObject(ok);
});

describe("handoffs that end without a reply", () => {
  it("puts every handoff in exactly one place: measured, awaiting, closed without a reply or handed back without a reply", async () => {
    const summary = await summaryFor(admin);
    expect(summary.escalated.count).toBe(8);
    expect(summary.firstResponse).toMatchObject({ count: 4, awaiting: 1, closedWithoutReply: 1, handedBackWithoutReply: 2 });
  });
});

describe("resolved after handoff", () => {
  it("counts what a person resolved apart from what the bot closed after a hand-back", async () => {
    const summary = await summaryFor(admin);
    expect(summary.resolvedAfterHandoff).toEqual({ count: 3, of: 8, rate: 3 / 8 });
    expect(summary.closedByBotAfterHandBack).toEqual({ count: 2, of: 8, rate: 2 / 8 });
  });
});

describe("a handoff moved to another team", () => {
  it("before a reply counts for the team it was handed to and for the team that finished it; after a reply, only where it is", async () => {
    const support = await summaryFor(ana);
    expect(support.escalated.count).toBe(7);
    expect(support.firstResponse).toMatchObject({ count: 3, awaiting: 1, closedWithoutReply: 1, handedBackWithoutReply: 2 });
    expect(support.resolvedAfterHandoff.count).toBe(3);

    const billing = await summaryFor(ben);
    expect(billing.escalated.count).toBe(2);
    expect(billing.firstResponse).toMatchObject({ count: 2, awaiting: 0 });
    expect(billing.resolvedAfterHandoff).toEqual({ count: 1, of: 2, rate: 0.5 });

    // An admin's team filter gives the same answer; "all teams" counts the moved one once.
    expect((await summaryFor(admin, "support")).escalated.count).toBe(7);
    expect((await summaryFor(admin, "billing")).escalated.count).toBe(2);
    expect((await summaryFor(admin)).conversations).toBe(8);
  });
});
