/**
 * Deactivating and reactivating a person through the teams page's action: sign-in refused,
 * every session ended at once, their open conversations back in their team's queue (waiting,
 * unassigned, round robin run again), nothing assigned to them meanwhile.
 */
import { beforeAll, describe, expect, it } from "vitest";
import "~/inbox/dispatcher.server";
import { getUser } from "~/auth/guards.server";
import { verifyLogin } from "~/auth/login.server";
import { DEACTIVATED } from "~/auth/schemas";
import { assignConversation, claimConversation } from "~/inbox/actions.server";
import { getConversationTools } from "~/inbox/conversation-tools.server";
import { getConversationView } from "~/inbox/conversation-view.server";
import * as teamsRoute from "~/routes/_app.teams";
import { db } from "~/utils/db.server";
import { formRequest, getRequest, sessionCookieFor, settle, unwrap } from "../support/auth";
import { handOff, seedInbox, teamId, viewerFor } from "../support/inbox";

const args = (request: Request) => ({ request, params: {}, context: {} });
let adminCookie: string;
let admin: { id: string };
let ana: { id: string };

const act = async (fields: Record<string, string>) => unwrap(await settle(() => teamsRoute.action(args(formRequest("/teams", fields, adminCookie)))));
const conversation = (id: string) => db.conversation.findUniqueOrThrow({ where: { id }, select: { status: true, assigneeId: true } });

beforeAll(async () => {
  await seedInbox();
  admin = await db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" }, select: { id: true } });
  ana = await db.user.findUniqueOrThrow({ where: { email: "ana@baton.local" }, select: { id: true } });
  adminCookie = await sessionCookieFor(admin.id);
});

describe("deactivating a person", () => {
  it("ends their sessions, refuses their sign-in and returns their open conversations to the queue", async () => {
    const anaBrowsers = [await sessionCookieFor(ana.id), await sessionCookieFor(ana.id)];
    const anaViewer = await viewerFor("ana@baton.local");
    const handed = [await handOff(), await handOff()];
    for (const { id } of handed) expect(await claimConversation(anaViewer, id)).toMatchObject({ ok: true });

    const done = await act({ intent: "deactivate-person", userId: ana.id });
    expect(done).toMatchObject({ status: 200, data: { ok: true, notice: "Ana Agent is deactivated and signed out everywhere. 2 open conversations went back to the queue." } });

    for (const cookie of anaBrowsers) await expect(getUser(getRequest("/inbox", cookie))).resolves.toBeNull();
    await expect(db.session.count({ where: { userId: ana.id } })).resolves.toBe(0);
    await expect(verifyLogin({ email: "ana@baton.local", password: "baton-demo" }, null)).resolves.toEqual({ ok: false, status: 400, message: DEACTIVATED });
    // A wrong password still gets the usual answer: the state is told only to who knows the password.
    await expect(verifyLogin({ email: "ana@baton.local", password: "nope-nope" }, null)).resolves.toMatchObject({ message: "Email or password is incorrect" });

    const adminViewer = await viewerFor("admin@baton.local");
    for (const { id } of handed) {
      await expect(conversation(id)).resolves.toEqual({ status: "waiting", assigneeId: null });
      const view = await getConversationView(adminViewer, id);
      const texts = JSON.stringify(view);
      expect(texts).toContain("Ana left the conversation. Someone else from the team will reply here.");
      expect(texts).toContain("Ada Admin deactivated Ana Agent: back in the queue");
    }
    // Nobody can hand them a conversation meanwhile.
    const tools = await getConversationTools(adminViewer, { id: handed[0].id, teamId: await teamId("support"), flowVersionId: "none", status: "waiting" });
    expect(tools.members.map((member) => member.name)).not.toContain("Ana Agent");
    expect(await assignConversation(adminViewer, handed[0].id, ana.id)).toMatchObject({ ok: false, code: "not_in_team" });

    const page = await teamsRoute.loader(args(getRequest("/teams", adminCookie)));
    expect(page.people.find((person) => person.id === ana.id)).toMatchObject({ deactivated: true, availability: "away" });
  });

  it("runs round robin again: a returned conversation goes to another online member", async () => {
    const support = await teamId("support");
    await db.user.update({ where: { id: ana.id }, data: { deactivatedAt: null, availability: "online" } });
    await db.conversation.updateMany({ where: { status: { in: ["waiting", "open"] } }, data: { status: "resolved" } });
    const dan = await db.user.create({
      data: { email: "dan@baton.local", name: "Dan Agent", role: "agent", passwordHash: "x", availability: "away", memberships: { create: [{ teamId: support }] } },
    });
    const handed = await handOff();
    expect(await claimConversation(await viewerFor("ana@baton.local"), handed.id)).toMatchObject({ ok: true });
    await db.team.update({ where: { id: support }, data: { assignment: "round_robin" } });
    await db.user.update({ where: { id: dan.id }, data: { availability: "online" } });

    expect(await act({ intent: "deactivate-person", userId: ana.id })).toMatchObject({ status: 200 });
    await expect(conversation(handed.id)).resolves.toEqual({ status: "open", assigneeId: dan.id });
    await db.team.update({ where: { id: support }, data: { assignment: "manual" } });
  });

  it("refuses deactivating yourself and the last admin; reactivation lets them sign in again", async () => {
    expect(await act({ intent: "deactivate-person", userId: admin.id })).toMatchObject({
      status: 400,
      data: { formError: "You can't deactivate yourself. Ask another admin to do it." },
    });
    const { deactivatePerson } = await import("~/workspace/person-access.server");
    expect(await deactivatePerson(db, { actorId: ana.id, userId: admin.id })).toEqual({ ok: false, message: "Ada Admin is the last admin and can't be deactivated." });
    await expect(db.user.findUniqueOrThrow({ where: { id: admin.id } })).resolves.toMatchObject({ deactivatedAt: null });

    expect(await act({ intent: "reactivate-person", userId: ana.id })).toMatchObject({ status: 200, data: { ok: true } });
    await expect(verifyLogin({ email: "ana@baton.local", password: "baton-demo" }, null)).resolves.toMatchObject({ ok: true });
    expect(await act({ intent: "reactivate-person", userId: ana.id })).toMatchObject({ status: 400, data: { formError: "This person is already active." } });
  });

  it("stops their unused links, and makes a reset link for an active person", async () => {
    const made = await act({ intent: "new-link", userId: ana.id });
    expect(made).toMatchObject({ status: 200, data: { ok: true, link: { name: "Ana Agent", purpose: "reset" } } });
    await expect(db.passwordLink.count({ where: { userId: ana.id, usedAt: null } })).resolves.toBe(1);
    expect(await act({ intent: "deactivate-person", userId: ana.id })).toMatchObject({ status: 200 });
    await expect(db.passwordLink.count({ where: { userId: ana.id, usedAt: null } })).resolves.toBe(0);
    expect(await act({ intent: "new-link", userId: ana.id })).toMatchObject({ status: 400, data: { formError: "Ana Agent is deactivated. Reactivate them first." } });
  });
});

describe("removing a person", () => {
  it("returns their open conversations to the queue instead of leaving them open with nobody on them", async () => {
    const support = await teamId("support");
    const eve = await db.user.create({
      data: { email: "eve@baton.local", name: "Eve Agent", role: "agent", passwordHash: "x", memberships: { create: [{ teamId: support }] } },
      select: { id: true },
    });
    const handed = await handOff();
    expect(await claimConversation(await viewerFor("eve@baton.local"), handed.id)).toMatchObject({ ok: true });

    expect(await act({ intent: "remove-person", userId: eve.id })).toMatchObject({ status: 200, data: { ok: true } });
    await expect(db.user.count({ where: { id: eve.id } })).resolves.toBe(0);
    await expect(conversation(handed.id)).resolves.toEqual({ status: "waiting", assigneeId: null });
    const view = JSON.stringify(await getConversationView(await viewerFor("admin@baton.local"), handed.id));
    expect(view).toContain("Ada Admin removed Eve Agent: back in the queue");
    expect(view).toContain("Eve left the conversation.");
  });
});
