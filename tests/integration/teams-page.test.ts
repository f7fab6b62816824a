/** The teams & people page's loader and action, through the real route module and database. */
import { beforeAll, describe, expect, it } from "vitest";
import * as teamsRoute from "~/routes/_app.teams";
import { verifyPassword } from "~/auth/password.server";
import { db } from "~/utils/db.server";
import { removePerson } from "~/workspace/people.server";
import { formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";

const args = (request: Request) => ({ request, params: {}, context: {} });
let admin: { id: string };
let adminCookie: string;
let agentCookie: string;

const act = async (fields: Record<string, string | string[]>, cookie = adminCookie) => {
  const result = await settle(() => teamsRoute.action(args(formRequest("/teams", fields, cookie))));
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
      data: { ok: false, intent: "create-team", fieldErrors: { slug: 'A team with the slug "sales-renewals" already exists' } },
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
  it("adds an agent with a hashed password and teams, then sets their teams", async () => {
    const support = await db.team.findUniqueOrThrow({ where: { slug: "support" } });
    const billing = await db.team.findUniqueOrThrow({ where: { slug: "billing" } });
    const added = await act({
      intent: "create-person",
      name: "Cara Agent",
      email: "Cara@Baton.local",
      role: "agent",
      password: "cara-password",
      teamIds: [support.id],
    });
    expect(added).toMatchObject({ status: 200, data: { ok: true, notice: "Cara Agent added" } });
    const cara = await db.user.findUniqueOrThrow({ where: { email: "cara@baton.local" }, include: { memberships: true } });
    expect(cara.role).toBe("agent");
    expect(cara.passwordHash).not.toContain("cara-password");
    await expect(verifyPassword(cara.passwordHash, "cara-password")).resolves.toBe(true);
    expect(cara.memberships.map((m) => m.teamId)).toEqual([support.id]);

    expect(await act({ intent: "set-teams", userId: cara.id, teamIds: [billing.id, "no-such-team"] })).toMatchObject({ status: 200 });
    await expect(db.membership.findMany({ where: { userId: cara.id }, select: { teamId: true } })).resolves.toEqual([{ teamId: billing.id }]);
    expect(await act({ intent: "set-teams", userId: cara.id })).toMatchObject({ status: 200 });
    await expect(db.membership.count({ where: { userId: cara.id } })).resolves.toBe(0);
  });

  it("shows a field error for each bad field and refuses a taken email", async () => {
    const empty = await act({ intent: "create-person", name: "", email: "", password: "short", role: "boss" });
    expect(empty).toEqual({
      status: 400,
      data: {
        ok: false,
        intent: "create-person",
        fieldErrors: { name: "Enter a name", email: "Enter an email", password: "Use at least 8 characters", role: "Choose a role" },
      },
    });
    const taken = await act({ intent: "create-person", name: "Ana Two", email: "ana@baton.local", role: "agent", password: "long-enough" });
    expect(taken.data.fieldErrors).toEqual({ email: "Someone with this email is already in the workspace" });
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
