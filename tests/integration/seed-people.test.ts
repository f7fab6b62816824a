import { afterEach, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { db } from "~/utils/db.server";
import { seedPeople } from "~/workspace/seed-people.server";
import { seedDemoWorkspace } from "~/workspace/seed.server";

async function counts() {
  const [users, teams, memberships, flows, versions, articles] = await Promise.all([
    db.user.count(),
    db.team.count(),
    db.membership.count(),
    db.flow.count(),
    db.flowVersion.count(),
    db.article.count(),
  ]);
  return { users, teams, memberships, flows, versions, articles };
}

afterEach(() => {
  delete process.env.SEED_PASSWORD;
});

describe("demo workspace seed", () => {
  it("creates the demo people and teams, and a second run changes nothing", async () => {
    const first = await seedDemoWorkspace(db);
    expect(first.people.createdPeople).toEqual(["admin@baton.local", "ana@baton.local", "ben@baton.local"]);
    expect(first.people.createdTeams).toEqual(["support", "billing"]);
    const after = await counts();
    expect(after).toMatchObject({ users: 3, teams: 2, memberships: 2 });
    expect(after.flows).toBeGreaterThan(0);
    expect(after.articles).toBeGreaterThanOrEqual(20);

    const second = await seedDemoWorkspace(db);
    expect(second.people).toEqual({ createdTeams: [], createdPeople: [] });
    expect(await counts()).toEqual(after);

    const people = await db.user.findMany({
      orderBy: { email: "asc" },
      select: { email: true, name: true, role: true, passwordHash: true, memberships: { select: { team: { select: { slug: true, name: true } } } } },
    });
    expect(people.map(({ email, name, role, memberships }) => ({ email, name, role, teams: memberships.map((m) => m.team) }))).toEqual([
      { email: "admin@baton.local", name: "Ada Admin", role: "admin", teams: [] },
      { email: "ana@baton.local", name: "Ana Agent", role: "agent", teams: [{ slug: "support", name: "Support" }] },
      { email: "ben@baton.local", name: "Ben Agent", role: "agent", teams: [{ slug: "billing", name: "Billing" }] },
    ]);
    for (const person of people) await expect(verifyPassword(person.passwordHash, "baton-demo")).resolves.toBe(true);
  });

  it("gives each demo team a few saved replies once: a second start adds none, and ones the lead deleted stay deleted", async () => {
    // The file's database is shared: the first test's run may have created the teams (and their replies) already.
    await seedDemoWorkspace(db);
    const byTeam = async () =>
      Object.fromEntries((await db.team.findMany({ orderBy: { slug: "asc" }, select: { slug: true, savedReplies: { select: { title: true } } } })).map((team) => [team.slug, team.savedReplies.map((reply) => reply.title).sort()]));
    const seeded = await byTeam();
    expect(seeded.support).toContain("Password reset link");
    expect(seeded.billing).toContain("Refund issued");

    await db.savedReply.deleteMany({ where: { team: { slug: "billing" } } });
    const again = await seedDemoWorkspace(db);
    expect(again.savedReplies.created).toBe(0);
    expect(await byTeam()).toEqual({ ...seeded, billing: [] });
  });

  it("never resets a changed password and brings back a removed person with SEED_PASSWORD", async () => {
    await seedPeople(db);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" } });
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: "changed-by-the-admin" } });
    await db.user.delete({ where: { email: "ben@baton.local" } });

    process.env.SEED_PASSWORD = "another-secret";
    const report = await seedPeople(db);
    expect(report).toEqual({ createdTeams: [], createdPeople: ["ben@baton.local"] });
    const after = await db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" } });
    expect(after.passwordHash).toBe("changed-by-the-admin");
    const ben = await db.user.findUniqueOrThrow({ where: { email: "ben@baton.local" } });
    await expect(verifyPassword(ben.passwordHash, "another-secret")).resolves.toBe(true);
    await expect(verifyPassword(ben.passwordHash, "baton-demo")).resolves.toBe(false);
  });
});
