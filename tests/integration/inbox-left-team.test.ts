/**
 * An agent moved out of a team (Teams → their row → Save) keeps no window on its conversations:
 * one they were still assigned to is not listed in their Needs me, Mine or Snoozed any more —
 * the rows showed the customer's name, email, intent and captured details although opening
 * the conversation answered 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimConversation } from "~/inbox/actions.server";
import { requireConversationAccess } from "~/inbox/access.server";
import { getQueueOverview, listQueue } from "~/inbox/queues.server";
import { snoozeConversation } from "~/inbox/snooze.server";
import { db } from "~/utils/db.server";
import { savePerson } from "~/workspace/people.server";
import { settle } from "../support/auth";
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
  it("no longer has the old team's conversations in their queues, though still their assignee", async () => {
    const kept = await handOff();
    const snoozed = await handOff();
    const ana = await viewerFor("ana@baton.local");
    expect(await claimConversation(ana, kept.id)).toMatchObject({ ok: true });
    expect(await claimConversation(ana, snoozed.id)).toMatchObject({ ok: true });
    await snoozeConversation(snoozed.id, { until: new Date(Date.now() + 60 * 60 * 1000) });
    // Before the move both are hers and listed.
    expect(await listed("ana@baton.local", "mine")).toContain(kept.id);
    expect(await listed("ana@baton.local", "snoozed")).toContain(snoozed.id);

    expect(await savePerson(db, adminId, { userId: anaId, role: "agent", teamIds: [billing], capacity: 5 })).toMatchObject({ ok: true });
    const moved = await viewerFor("ana@baton.local");
    expect(await db.conversation.findUniqueOrThrow({ where: { id: kept.id }, select: { assigneeId: true, teamId: true } })).toEqual({ assigneeId: anaId, teamId: support });
    // The page itself refuses her (it always did) …
    const refused = (await settle(() => requireConversationAccess(moved, kept.id))) as Response;
    expect(refused.status).toBe(404);
    // … and now so does every list.
    for (const queue of ["now", "mine", "open"] as const) expect(await listed("ana@baton.local", queue), queue).not.toContain(kept.id);
    expect(await listed("ana@baton.local", "snoozed")).not.toContain(snoozed.id);
    // The counts beside the queues (and the tab title's) agree with the lists.
    const overview = await getQueueOverview(moved);
    const count = (key: string) => overview.queues.find((entry) => entry.key === key)?.count;
    expect(count("mine")).toBe((await listed("ana@baton.local", "mine")).length);
    expect(count("now")).toBe((await listed("ana@baton.local", "now")).length);
    expect(count("snoozed")).toBe((await listed("ana@baton.local", "snoozed")).length);
    // Support still sees both, assigned to her, for an admin to reassign.
    expect(await listed("admin@baton.local", "open")).toContain(kept.id);
    expect(await listed("admin@baton.local", "snoozed")).toContain(snoozed.id);
  });
});
