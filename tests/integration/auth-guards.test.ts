import { beforeAll, describe, expect, it } from "vitest";
import { getUser, requireAdmin, requireUser } from "~/auth/guards.server";
import { SESSION_COOKIE_NAME, createUserSession, destroySessionHeader } from "~/auth/session.server";
import { hashPassword } from "~/auth/password.server";
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
    const header = await destroySessionHeader(getRequest("/", adminCookie));
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970/);
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
