import { beforeAll, describe, expect, it } from "vitest";
import { getUser, requireAdmin, requireUser } from "~/auth/guards.server";
import { SESSION_COOKIE_NAME, createUserSession, endSession } from "~/auth/session.server";
import { changePassword, hashPassword } from "~/auth/password.server";
import { removePerson } from "~/workspace/people.server";
import { db } from "~/utils/db.server";
import { getRequest, seedAndFind, sessionCookieFor, settle } from "../support/auth";

let adminCookie: string;
let agentCookie: string;

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
});

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, path /, with an expiry, and holds no user data in clear", async () => {
    const { id } = await seedAndFind("admin@baton.local");
    const response = await createUserSession(id, "/flows");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/flows");
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie.startsWith(`${SESSION_COOKIE_NAME}=`)).toBe(true);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=\d+/);
    // NODE_ENV=test: not Secure (production is; see the unit test of the cookie options).
    expect(setCookie).not.toMatch(/; Secure/);
    expect(setCookie).not.toContain("admin@baton.local");
  });

  it("refuses a tampered cookie", async () => {
    const [name, value] = adminCookie.split("=");
    const tampered = `${name}=${value.slice(0, -3)}abc`;
    await expect(getUser(getRequest("/flows", tampered))).resolves.toBeNull();
  });

  it("is cleared by sign-out", async () => {
    const header = await endSession(getRequest("/", await sessionCookieFor((await seedAndFind("admin@baton.local")).id)));
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});

describe("server-side sessions", () => {
  const signedIn = async (cookie: string) => (await getUser(getRequest("/flows", cookie)))?.email ?? null;

  it("store a row per sign-in with who, when and the browser; the cookie holds only a random token", async () => {
    const { id } = await seedAndFind("admin@baton.local");
    const response = await createUserSession(id, "/flows", "Mozilla/5.0 (Test) Chromium");
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
    const rows = await db.session.findMany({ where: { userId: id, userAgent: "Mozilla/5.0 (Test) Chromium" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(14 * 24 * 3_600_000);
    expect(rows[0].lastSeenAt.getTime()).toBe(rows[0].createdAt.getTime());
    // The stored id is a hash: the cookie's value appears nowhere in the database row.
    expect(decodeURIComponent(cookie)).not.toContain(rows[0].id);
    expect(cookie).not.toContain(id);
  });

  it("end at sign-out: a copy of the cookie stops working too", async () => {
    const cookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
    const copied = cookie;
    expect(await signedIn(cookie)).toBe("admin@baton.local");
    await endSession(getRequest("/logout", cookie));
    expect(await signedIn(copied)).toBeNull();
  });

  it("end after the idle limit and at the absolute limit, and are deleted then", async () => {
    const { id } = await seedAndFind("ana@baton.local");
    const idle = await sessionCookieFor(id);
    const old = await sessionCookieFor(id);
    const [idleRow, oldRow] = await db.session.findMany({ where: { userId: id }, orderBy: { createdAt: "desc" }, take: 2 });
    await db.session.update({ where: { id: oldRow.id }, data: { lastSeenAt: new Date(Date.now() - 8 * 3_600_000 - 1000) } });
    await db.session.update({ where: { id: idleRow.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await signedIn(idle)).toBeNull();
    expect(await signedIn(old)).toBeNull();
    expect(await db.session.count({ where: { id: { in: [idleRow.id, oldRow.id] } } })).toBe(0);
  });

  it("record when they were last seen, at most once a minute", async () => {
    const { id } = await seedAndFind("ben@baton.local");
    const cookie = await sessionCookieFor(id);
    const row = await db.session.findFirstOrThrow({ where: { userId: id }, orderBy: { createdAt: "desc" } });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: twoMinutesAgo } });
    expect(await signedIn(cookie)).toBe("ben@baton.local");
    const seen = (await db.session.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
  });

  it("all end when the person's password changes or they are removed", async () => {
    const person = await db.user.create({ data: { email: "temp@baton.local", name: "Temp", role: "agent", passwordHash: await hashPassword("whatever-1") } });
    const laptop = await sessionCookieFor(person.id);
    const phone = await sessionCookieFor(person.id);
    const other = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
    await changePassword(person.id, "a-new-password-2");
    expect(await signedIn(laptop)).toBeNull();
    expect(await signedIn(phone)).toBeNull();
    expect(await signedIn(other)).toBe("ana@baton.local");

    const again = await sessionCookieFor(person.id);
    expect(await signedIn(again)).toBe("temp@baton.local");
    const admin = await seedAndFind("admin@baton.local");
    expect(await removePerson(db, { actorId: admin.id, userId: person.id })).toEqual({ ok: true });
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await signedIn(again)).toBeNull();
  });
});

describe("requireUser", () => {
  it("sends a signed-out visitor to /login with the page they wanted", async () => {
    const result = await settle(() => requireUser(getRequest("/inbox?queue=billing")));
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "", "http://x");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/inbox?queue=billing");
  });

  it("returns the signed-in user without the password hash", async () => {
    const user = await requireUser(getRequest("/inbox", agentCookie));
    expect(user).toEqual({ id: expect.any(String), email: "ana@baton.local", name: "Ana Agent", role: "agent" });
  });

  it("signs out a user whose account was removed", async () => {
    const gone = await db.user.create({ data: { email: "gone@baton.local", name: "Gone", role: "agent", passwordHash: await hashPassword("whatever-1") } });
    const cookie = await sessionCookieFor(gone.id);
    await db.user.delete({ where: { id: gone.id } });
    const response = (await settle(() => requireUser(getRequest("/inbox", cookie)))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Finbox");
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
  });
});

describe("requireAdmin", () => {
  it("lets an admin through", async () => {
    await expect(requireAdmin(getRequest("/teams", adminCookie))).resolves.toMatchObject({ role: "admin", email: "admin@baton.local" });
  });

  it("answers an agent with 403", async () => {
    const response = (await settle(() => requireAdmin(getRequest("/teams", agentCookie)))) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(403);
  });

  it("sends a signed-out visitor to /login", async () => {
    const response = (await settle(() => requireAdmin(getRequest("/teams")))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fteams");
  });
});
