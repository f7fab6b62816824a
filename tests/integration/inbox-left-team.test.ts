/**
 * An agent moved out of a team (Teams → their row → Save) keeps no window on its conversations,
 * and none waits on them: the ones they were assigned to go back to that team's queue, the customer
 * told, as when someone is deactivated. (Their rows had stayed in Needs me, Mine and Snoozed with
 * the customer's name and details although opening the conversation answered 404.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimConversation } from "~/inbox/actions.server";
import { requireConversationAccess } from "~/inbox/access.server";
import { getQueueOverview, listQueue } from "~/inbox/queues.server";
import { snoozeConversation } from "~/inbox/snooze.server";
import { db } from "~/utils/db.server";
import { savePerson } from "~/workspace/people.server";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

let anaId: string;
let adminId: string;
let support: string;
let billing: string;

beforeAll(async () => {
  await seedInbox();
  [anaId, adminId] = await Promise.all(["ana@baton.local", "admin@baton.local"].map(async (email) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id));
  [support, billing] = await Promise.all([teamId("support"), teamId("billing")]);
});

afterAll(async () => {
  await savePerson(db, adminId, { userId: anaId, role: "agent", teamIds: [support], capacity: 5 });
});

const listed = async (email: string, queue: "now" | "mine" | "snoozed" | "open") => ((await listQueue(await viewerFor(email), queue)) ?? []).map((row) => row.id);

describe("an agent moved to another team", () => {
  it("hands the old team's conversations back to its queue and keeps the new team's", async () => {
    expect(await savePerson(db, adminId, { userId: anaId, role: "agent", teamIds: [support, billing], capacity: 5 })).toEqual({ ok: true, returned: 0 });
    const kept = await handOff();
    const snoozed = await handOff();
    const billingOne = await handOff("chargeback");
    const ana = await viewerFor("ana@baton.local");
    for (const conversation of [kept, snoozed, billingOne]) expect(await claimConversation(ana, conversation.id)).toMatchObject({ ok: true });
    await snoozeConversation(snoozed.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    // Before the move all three are hers and listed.
    expect(await listed("ana@baton.local", "mine")).toEqual(expect.arrayContaining([kept.id, billingOne.id]));
    expect(await listed("ana@baton.local", "snoozed")).toContain(snoozed.id);

    // Support's two go back to Support's queue: she can no longer open them, so nobody would answer.
    expect(await savePerson(db, adminId, { userId: anaId, role: "agent", teamIds: [billing], capacity: 5 })).toEqual({ ok: true, returned: 2 });
    for (const conversation of [kept, snoozed]) {
      expect(await db.conversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { status: true, assigneeId: true, teamId: true } })).toEqual({ status: "waiting", assigneeId: null, teamId: support });
      // The customer is told, as when an agent is deactivated.
      const lines = await db.message.findMany({ where: { conversationId: conversation.id, role: "system" }, select: { text: true } });
      expect(lines.map((line) => line.text)).toContain("Ana left the conversation. Someone else from the team will reply here.");
    }
    expect(await db.conversation.findUniqueOrThrow({ where: { id: billingOne.id }, select: { status: true, assigneeId: true } })).toEqual({ status: "open", assigneeId: anaId });

    const moved = await viewerFor("ana@baton.local");
    // The page refuses her, saying why (moved-away.server.ts), and no list of hers shows them.
    const refused = await requireConversationAccess(moved, kept.id).then(() => null, (thrown: unknown) => thrown);
    expect(refused).toMatchObject({ init: { status: 403 }, data: { moved: { kind: "leftTeam", teamName: "Support" } } });
    for (const queue of ["now", "mine", "open"] as const) expect(await listed("ana@baton.local", queue), queue).not.toContain(kept.id);
    expect(await listed("ana@baton.local", "snoozed")).not.toContain(snoozed.id);
    expect(await listed("ana@baton.local", "mine")).toContain(billingOne.id);
    // The counts beside the queues (and the tab title's) agree with the lists.
    const overview = await getQueueOverview(moved);
    const count = (key: string) => overview.queues.find((entry) => entry.key === key)?.count;
    expect(count("mine")).toBe((await listed("ana@baton.local", "mine")).length);
    expect(count("now")).toBe((await listed("ana@baton.local", "now")).length);
    expect(count("snoozed")).toBe((await listed("ana@baton.local", "snoozed")).length);
    // Support sees both waiting for its next agent.
    expect(await listed("admin@baton.local", "open")).toContain(kept.id);
    expect(await listed("admin@baton.local", "snoozed")).toContain(snoozed.id);
  });
});
