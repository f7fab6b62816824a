/** The teams & people page's loader and action, through the real route module and database. */
import { beforeAll, describe, expect, it } from "vitest";
import * as teamsRoute from "~/routes/_app.teams";
import { db } from "~/utils/db.server";
import { removePerson, savePerson } from "~/workspace/people.server";
import { BASE, formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";

const args = (request: Request) => ({ request, params: {}, context: {} });
let admin: { id: string };
let adminCookie: string;
let agentCookie: string;

const act = async (fields: Record<string, string | string[]>, cookie = adminCookie, headers: Record<string, string> = {}) => {
  const result = await settle(() => teamsRoute.action(args(formRequest("/teams", fields, cookie, headers))));
  return result instanceof Response ? { status: result.status, data: {} as Record<string, unknown> } : unwrap(result);
};

beforeAll(async () => {
  admin = await seedAndFind("admin@baton.local");
  adminCookie = await sessionCookieFor(admin.id);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
});

describe("teams page guard", () => {
  it("answers an agent with 403 on the page and on its forms", async () => {
    const page = (await settle(() => teamsRoute.loader(args(getRequest("/teams", agentCookie))))) as Response;
    expect(page.status).toBe(403);
    expect((await act({ intent: "create-team", name: "Sneaky" }, agentCookie)).status).toBe(403);
    expect(await db.team.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("lists people with their teams and never their password hashes", async () => {
    const data = await teamsRoute.loader(args(getRequest("/teams", adminCookie)));
    expect(data.meId).toBe(admin.id);
    expect(data.teams.map((team) => team.slug)).toEqual(["billing", "support"]);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });
});

describe("teams", () => {
  it("adds a team with a slug made from its name, refuses a taken slug and bad input", async () => {
    expect(await act({ intent: "create-team", name: "Sales & Renewals", slug: "" })).toMatchObject({ status: 200, data: { ok: true } });
    await expect(db.team.findUnique({ where: { slug: "sales-renewals" } })).resolves.toMatchObject({ name: "Sales & Renewals" });

    expect(await act({ intent: "create-team", name: "Sales again", slug: "sales-renewals" })).toEqual({
      status: 400,
      data: { ok: false, intent: "create-team", fieldErrors: { slug: 'A team with the slug "sales-renewals" already exists' }, formError: null },
    });
    const invalid = await act({ intent: "create-team", name: "  ", slug: "Not A Slug" });
    expect(invalid.status).toBe(400);
    expect(invalid.data.fieldErrors).toEqual({ name: "Enter a team name", slug: "Use lowercase letters, digits and single dashes" });
  });

  it("refuses to remove a team with waiting conversations, removes an idle one", async () => {
    const team = await db.team.create({ data: { slug: "vip", name: "VIP" } });
    const flow = await db.flow.create({ data: { slug: "vip-flow", name: "VIP", draft: "{}" } });
    const version = await db.flowVersion.create({ data: { flowId: flow.id, document: "{}", documentHash: "x" } });
    const conversation = await db.conversation.create({
      data: { flowId: flow.id, flowVersionId: version.id, teamId: team.id, status: "waiting", tokenHash: "vip-token" },
    });
    const refused = await act({ intent: "remove-team", teamId: team.id });
    expect(refused).toMatchObject({ status: 400, data: { formError: "VIP still has 1 waiting or open conversation. Reassign or resolve them first." } });

    await db.conversation.update({ where: { id: conversation.id }, data: { status: "resolved" } });
    expect(await act({ intent: "remove-team", teamId: team.id })).toMatchObject({ status: 200, data: { ok: true } });
    await expect(db.team.count({ where: { slug: "vip" } })).resolves.toBe(0);
  });
});

describe("people", () => {
  it("invites a person without a password: teams set, kept away from round robin, a one-time link shown once", async () => {
    const support = await db.team.findUniqueOrThrow({ where: { slug: "support" } });
    const added = await act({ intent: "invite-person", name: "Cara Agent", email: "Cara@Baton.local", role: "agent", teamIds: [support.id] }, adminCookie, { origin: BASE });
    expect(added).toMatchObject({ status: 200, data: { ok: true, notice: "Cara Agent added. Send them their invitation link." } });
    const link = added.data.link as { url: string; name: string; purpose: string };
    expect(link).toMatchObject({ name: "Cara Agent", purpose: "invite" });
    expect(link.url).toMatch(new RegExp(`^${BASE}/invite/[A-Za-z0-9_-]{43}$`));
    const cara = await db.user.findUniqueOrThrow({ where: { email: "cara@baton.local" }, include: { memberships: true, passwordLinks: true } });
    expect(cara).toMatchObject({ role: "agent", passwordHash: "", availability: "away" });
    expect(cara.memberships.map((m) => m.teamId)).toEqual([support.id]);
    // Only the token's hash is stored, and the page never lists the link again.
    const token = link.url.split("/").pop() as string;
    expect(cara.passwordLinks).toHaveLength(1);
    expect(cara.passwordLinks[0].tokenHash).not.toContain(token);
    const page = await teamsRoute.loader(args(getRequest("/teams", adminCookie)));
    expect(JSON.stringify(page)).not.toContain(token);
    expect(page.people.find((person) => person.id === cara.id)).toMatchObject({ invited: true, openLink: "invite", deactivated: false });
  });

  it("shows a field error for each bad field and refuses a taken email", async () => {
    const empty = await act({ intent: "invite-person", name: "", email: "", role: "boss" });
    expect(empty).toEqual({
      status: 400,
      data: { ok: false, intent: "invite-person", fieldErrors: { name: "Enter a name", email: "Enter an email", role: "Choose a role" }, formError: null },
    });
    const taken = await act({ intent: "invite-person", name: "Ana Two", email: "ana@baton.local", role: "agent" });
    expect(taken.data.fieldErrors).toEqual({ email: "Someone with this email is already in the workspace" });
  });

  it("saves a row at once: role, teams and capacity", async () => {
    const billing = await db.team.findUniqueOrThrow({ where: { slug: "billing" } });
    const dan = await db.user.create({ data: { email: "dan-row@baton.local", name: "Dan Row", role: "agent", passwordHash: "x" } });
    const saved = await act({ intent: "save-person", userId: dan.id, role: "admin", teamIds: [billing.id, "no-such-team"], capacity: "7" });
    expect(saved).toMatchObject({ status: 200, data: { ok: true, notice: "Changes saved" } });
    await expect(db.user.findUniqueOrThrow({ where: { id: dan.id }, select: { role: true, capacity: true, memberships: { select: { teamId: true } } } })).resolves.toEqual({
      role: "admin",
      capacity: 7,
      memberships: [{ teamId: billing.id }],
    });
    // No teams at all is a valid row too; a bad capacity changes nothing.
    expect(await act({ intent: "save-person", userId: dan.id, role: "agent", capacity: "3" })).toMatchObject({ status: 200 });
    await expect(db.membership.count({ where: { userId: dan.id } })).resolves.toBe(0);
    const bad = await act({ intent: "save-person", userId: dan.id, role: "admin", capacity: "-1" });
    expect(bad).toMatchObject({ status: 400, data: { intent: "save-person", targetId: dan.id, fieldErrors: { capacity: "0 or more" } } });
    await expect(db.user.findUniqueOrThrow({ where: { id: dan.id } })).resolves.toMatchObject({ role: "agent", capacity: 3 });
  });

  it("never lets you change your own role, nor leaves the workspace without an admin", async () => {
    const self = await act({ intent: "save-person", userId: admin.id, role: "agent", capacity: "5" });
    expect(self).toMatchObject({ status: 400, data: { formError: "You can't change your own role. Ask another admin to do it." } });
    // The same row with the role unchanged saves (the page sends the admin's own role as is).
    expect(await act({ intent: "save-person", userId: admin.id, role: "admin", capacity: "4" })).toMatchObject({ status: 200 });

    // Seen by another actor (two admins at once): demoting the last admin who can sign in is undone.
    const ben = await db.user.findUniqueOrThrow({ where: { email: "ben@baton.local" } });
    await db.user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { role: "agent" } });
    const lastAdmin = await savePerson(db, ben.id, { userId: admin.id, role: "agent", teamIds: [], capacity: 4 });
    expect(lastAdmin).toEqual({ ok: false, message: "Ada Admin is the last admin. Make someone else an admin first." });
    await expect(db.user.findUniqueOrThrow({ where: { id: admin.id } })).resolves.toMatchObject({ role: "admin", capacity: 4 });

    // An invited admin who has not chosen a password yet cannot manage anything: they do not count.
    const invited = await db.user.create({ data: { email: "ivy@baton.local", name: "Ivy", role: "admin", passwordHash: "" } });
    expect(await savePerson(db, ben.id, { userId: admin.id, role: "agent", teamIds: [], capacity: 4 })).toMatchObject({ ok: false });
    await db.user.update({ where: { id: invited.id }, data: { passwordHash: "set" } });
    expect(await savePerson(db, ben.id, { userId: admin.id, role: "agent", teamIds: [], capacity: 4 })).toEqual({ ok: true, returned: 0 });
    await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    await db.user.delete({ where: { id: invited.id } });
  });

  it("refuses removing yourself and the last admin, removes anyone else", async () => {
    const self = await act({ intent: "remove-person", userId: admin.id });
    expect(self).toMatchObject({ status: 400, data: { formError: "You can't remove yourself. Ask another admin to do it." } });

    // The last-admin rule, seen by an actor other than the admin (e.g. a race between two admins).
    const otherActor = await db.user.findUniqueOrThrow({ where: { email: "ben@baton.local" } });
    const lastAdmin = await removePerson(db, { actorId: otherActor.id, userId: admin.id });
    expect(lastAdmin).toEqual({ ok: false, message: "Ada Admin is the last admin and can't be removed." });
    await expect(db.user.count({ where: { role: "admin" } })).resolves.toBe(1);

    const dan = await db.user.create({ data: { email: "dan@baton.local", name: "Dan", role: "agent", passwordHash: "x" } });
    expect(await act({ intent: "remove-person", userId: dan.id })).toMatchObject({ status: 200, data: { ok: true } });
    await expect(db.user.count({ where: { id: dan.id } })).resolves.toBe(0);
  });

  it("answers an unknown intent with a form error", async () => {
    expect(await act({ intent: "drop-tables" })).toMatchObject({ status: 400, data: { ok: false, formError: "Unknown action" } });
  });
});
