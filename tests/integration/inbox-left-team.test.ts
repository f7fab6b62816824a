/**
 * An agent moved out of a team (Teams → their row → Save) keeps no window on its conversations,
 * and none waits on them: the ones they were assigned to go back to that team's queue, the customer
 * told, as when someone is deactivated. One left assigned anyway (a team change saved before
 * hand-backs existed, a hand-back cut short, a claim racing the save) is listed in none of that
 * agent's queues — the rows showed the customer's name, email, intent and captured details although
 * opening the conversation answered 404 — and the inbox's sweep hands it back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimConversation } from "~/inbox/actions.server";
import { requireConversationAccess } from "~/inbox/access.server";
import { getConversationView } from "~/inbox/conversation-view.server";
import { getQueueOverview, listQueue } from "~/inbox/queues.server";
import { returnOutOfTeamAssignments } from "~/inbox/return-to-queue.server";
import { snoozeConversation } from "~/inbox/snooze.server";
import * as teamsRoute from "~/routes/_app.teams";
import { db } from "~/utils/db.server";
import { savePerson } from "~/workspace/people.server";
import { formRequest, sessionCookieFor, settle, unwrap } from "../support/auth";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

let anaId: string;
let adminId: string;
let adminCookie: string;
let support: string;
let billing: string;

beforeAll(async () => {
  await seedInbox();
  [anaId, adminId] = await Promise.all(["ana@baton.local", "admin@baton.local"].map(async (email) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id));
  adminCookie = await sessionCookieFor(adminId);
  [support, billing] = await Promise.all([teamId("support"), teamId("billing")]);
});

afterAll(async () => {
  await savePerson(db, adminId, { userId: anaId, role: "agent", teamIds: [support], capacity: 5 });
  await savePerson(db, adminId, { userId: adminId, role: "admin", teamIds: [], capacity: 5 });
});

/** Saves a person's row through the teams page's action, as the page's Save button does. */
const saveRow = async (userId: string, role: "agent" | "admin", teamIds: string[]) =>
  unwrap(await settle(() => teamsRoute.action({ request: formRequest("/teams", { intent: "save-person", userId, role, teamIds, capacity: "5" }, adminCookie), params: {}, context: {} })));
const listed = async (email: string, queue: "now" | "mine" | "snoozed" | "open") => ((await listQueue(await viewerFor(email), queue)) ?? []).map((row) => row.id);
const state = (id: string) => db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, assigneeId: true, teamId: true, snoozedUntil: true } });

describe("an agent moved to another team", () => {
  it("hands the old team's conversations back to its queue, awake, and keeps the new team's", async () => {
    expect(await saveRow(anaId, "agent", [support, billing])).toMatchObject({ data: { ok: true, notice: "Changes saved" } });
    const kept = await handOff();
    const snoozed = await handOff();
    const billingOne = await handOff("chargeback");
    const ana = await viewerFor("ana@baton.local");
    for (const conversation of [kept, snoozed, billingOne]) expect(await claimConversation(ana, conversation.id)).toMatchObject({ ok: true });
    await snoozeConversation(snoozed.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    expect(await listed("ana@baton.local", "mine")).toEqual(expect.arrayContaining([kept.id, billingOne.id]));
    expect(await listed("ana@baton.local", "snoozed")).toContain(snoozed.id);

    // Support's two go back to Support's queue: she can no longer open them, so nobody would answer.
    expect(await saveRow(anaId, "agent", [billing])).toMatchObject({ data: { ok: true, notice: "Changes saved. 2 open conversations went back to the queue." } });
    for (const conversation of [kept, snoozed]) {
      // Awake: the customer was just told someone else will reply; a snooze would hide it from Needs me.
      expect(await state(conversation.id)).toEqual({ status: "waiting", assigneeId: null, teamId: support, snoozedUntil: null });
      const view = JSON.stringify(await getConversationView(await viewerFor("admin@baton.local"), conversation.id));
      expect(view).toContain("Ana left the conversation. Someone else from the team will reply here.");
      expect(view).toContain("Ada Admin moved Ana Agent out of the team: back in the queue");
    }
    expect(await state(billingOne.id)).toMatchObject({ status: "open", assigneeId: anaId });
    expect(await listed("admin@baton.local", "now")).toEqual(expect.arrayContaining([kept.id, snoozed.id]));
    const moved = await viewerFor("ana@baton.local");
    // The page refuses her, saying why (moved-away.server.ts).
    const refused = await requireConversationAccess(moved, kept.id).then(() => null, (thrown: unknown) => thrown);
    expect(refused).toMatchObject({ init: { status: 403 }, data: { moved: { kind: "leftTeam", teamName: "Support" } } });
    expect(await listed("ana@baton.local", "mine")).toContain(billingOne.id);
  });

  it("lists a conversation left assigned outside her teams in none of her queues, and the sweep hands it back", async () => {
    const stranded = await handOff();
    const snoozed = await handOff();
    // As a save before hand-backs existed, or a claim racing the team change, leaves them.
    await db.conversation.updateMany({ where: { id: { in: [stranded.id, snoozed.id] } }, data: { status: "open", assigneeId: anaId } });
    await snoozeConversation(snoozed.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    expect(await db.membership.count({ where: { userId: anaId, teamId: support } })).toBe(0);

    for (const queue of ["now", "mine", "open", "snoozed"] as const) {
      const rows = await listed("ana@baton.local", queue);
      expect(rows, queue).not.toContain(stranded.id);
      expect(rows, queue).not.toContain(snoozed.id);
    }
    // The counts beside the queues (and the tab title's) agree with the lists.
    const overview = await getQueueOverview(await viewerFor("ana@baton.local"));
    const count = (key: string) => overview.queues.find((entry) => entry.key === key)?.count;
    for (const queue of ["now", "mine", "snoozed"] as const) expect(count(queue), queue).toBe((await listed("ana@baton.local", queue)).length);

    expect(await returnOutOfTeamAssignments()).toBe(2);
    for (const conversation of [stranded, snoozed]) expect(await state(conversation.id)).toEqual({ status: "waiting", assigneeId: null, teamId: support, snoozedUntil: null });
    expect(JSON.stringify(await getConversationView(await viewerFor("admin@baton.local"), stranded.id))).toContain("Ana Agent is no longer in the team: back in the queue");
    // Billing's stays hers; a second sweep finds nothing.
    expect(await returnOutOfTeamAssignments()).toBe(0);
  });

  it("leaves an admin's conversations with them: admins open every conversation", async () => {
    expect(await saveRow(adminId, "admin", [support])).toMatchObject({ data: { ok: true } });
    const theirs = await handOff();
    expect(await claimConversation(await viewerFor("admin@baton.local"), theirs.id)).toMatchObject({ ok: true });
    expect(await saveRow(adminId, "admin", [])).toMatchObject({ data: { ok: true, notice: "Changes saved" } });
    expect(await returnOutOfTeamAssignments()).toBe(0);
    expect(await state(theirs.id)).toMatchObject({ status: "open", assigneeId: adminId });
  });
});
