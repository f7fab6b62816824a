/** The sign-in, sign-out, home and page routes, called as Remix calls them, with real Requests. */
import { beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "~/routes/_app.flows._index";
import * as indexRoute from "~/routes/_index";
import * as inboxRoute from "~/routes/_app.inbox._index";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import { getUser } from "~/auth/guards.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/auth/password.server";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, WINDOW_MS, reserveLoginAttempt } from "~/auth/login-throttle.server";
import { formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";

const args = (request: Request) => ({ request, params: {}, context: {} });
const login = (fields: Record<string, string>, cookie?: string) => settle(() => loginRoute.action(args(formRequest("/login", fields, cookie))));

beforeAll(async () => {
  await seedAndFind("admin@baton.local");
});

function expectNoCookie(result: unknown) {
  if (result instanceof Response) expect(result.headers.get("set-cookie")).toBeNull();
  else expect(JSON.stringify(result)).not.toContain("baton_session");
}

/** The Retry-After header of what an action returned with `data()`. */
function retryAfter(result: unknown): string | null {
  const init = (result as { init?: { headers?: HeadersInit } }).init;
  return new Headers(init?.headers).get("retry-after");
}

describe("login action", () => {
  it("signs in with the demo password and redirects to the role's home with a fresh session", async () => {
    const response = (await login({ email: "admin@baton.local", password: "baton-demo" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/flows");
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
    await expect(getUser(getRequest("/", cookie))).resolves.toMatchObject({ email: "admin@baton.local" });

    const agent = (await login({ email: "  ANA@baton.local ", password: "baton-demo" })) as Response;
    expect(agent.headers.get("location")).toBe("/inbox");
  });

  it("never keeps the session the request came with (session fixation)", async () => {
    const { id: anaId } = await seedAndFind("ana@baton.local");
    const planted = await sessionCookieFor(anaId);
    const response = (await login({ email: "admin@baton.local", password: "baton-demo" }, planted)) as Response;
    const fresh = (response.headers.get("set-cookie") ?? "").split(";")[0];
    expect(fresh).not.toBe(planted);
    await expect(getUser(getRequest("/", fresh))).resolves.toMatchObject({ email: "admin@baton.local" });
  });

  it("follows a same-site redirectTo and ignores an off-site one", async () => {
    const local = (await login({ email: "admin@baton.local", password: "baton-demo", redirectTo: "/teams?tab=people" })) as Response;
    expect(local.headers.get("location")).toBe("/teams?tab=people");
    for (const evil of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = (await login({ email: "admin@baton.local", password: "baton-demo", redirectTo: evil })) as Response;
      expect(response.headers.get("location")).toBe("/flows");
    }
  });

  it("gives a wrong password and an unknown email the same message, and no cookie", async () => {
    for (const fields of [
      { email: "admin@baton.local", password: "wrong-password" },
      { email: "nobody@baton.local", password: "baton-demo" },
    ]) {
      const result = await login(fields);
      expectNoCookie(result);
      const { status, data } = unwrap(result);
      expect(status).toBe(400);
      expect(data.formError).toBe("Email or password is incorrect");
      expect(JSON.stringify(data)).not.toContain(fields.password);
    }
  });

  it("asks for each missing field", async () => {
    for (const fields of [{ email: "", password: "" }, {}] as Record<string, string>[]) {
      const result = await login(fields);
      expectNoCookie(result);
      expect(unwrap(result)).toEqual({ status: 400, data: { fieldErrors: { email: "Enter your email", password: "Enter your password" }, formError: null, email: "" } });
    }
  });

  it("refuses a 10 KB email with a clear message", async () => {
    const result = await login({ email: `${"a".repeat(10 * 1024)}@baton.local`, password: "baton-demo" });
    expectNoCookie(result);
    const { status, data } = unwrap(result);
    expect(status).toBe(400);
    expect(data.fieldErrors).toEqual({ email: "That email is too long" });
    expect(String(data.email).length).toBeLessThanOrEqual(254);
  });

  it("slows down guessing: after 10 wrong passwords the account waits, even with the right one", async () => {
    await db.user.create({
      data: {
        email: "target@baton.local",
        name: "Target",
        role: "agent",
        passwordHash: (await db.user.findUniqueOrThrow({ where: { email: "admin@baton.local" } })).passwordHash,
      },
    });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(unwrap(await login({ email: "target@baton.local", password: `guess-${attempt}` })).status).toBe(400);
    }
    const blocked = await login({ email: "target@baton.local", password: "baton-demo" });
    expectNoCookie(blocked);
    expect(unwrap(blocked).status).toBe(429);
    expect(unwrap(blocked).data.formError).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect(Number(retryAfter(blocked))).toBeGreaterThan(14 * 60);
  });

  it("cannot be raced: of 30 simultaneous wrong passwords at most 10 are checked", async () => {
    await db.user.create({ data: { email: "raced@baton.local", name: "Raced", role: "agent", passwordHash: await hashPassword("the-right-one") } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, attempt) => login({ email: "raced@baton.local", password: `guess-${attempt}` })));
    const statuses = results.map((result) => unwrap(result).status);
    // 400 = the password was checked and was wrong; 429 = refused before any check.
    expect(statuses.filter((status) => status === 400)).toHaveLength(ACCOUNT_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - ACCOUNT_LIMIT);
  });

  it("limits one client address across many accounts, and a success refunds the address its attempt", async () => {
    const from = (address: string) => ({ clientAddress: address });
    const loginFrom = (address: string, fields: Record<string, string>) => settle(() => loginRoute.action({ request: formRequest("/login", fields), params: {}, context: from(address) }));
    for (let attempt = 0; attempt < ADDRESS_LIMIT - 1; attempt += 1) {
      expect(unwrap(await loginFrom("203.0.113.7", { email: `nobody-${attempt}@baton.local`, password: "guess" })).status).toBe(400);
    }
    expect(await loginFrom("203.0.113.7", { email: "ben@baton.local", password: "baton-demo" })).toBeInstanceOf(Response);
    expect(unwrap(await loginFrom("203.0.113.7", { email: "nobody-last@baton.local", password: "guess" })).status).toBe(400);
    const sprayed = await loginFrom("203.0.113.7", { email: "yet-another@baton.local", password: "guess" });
    expect(unwrap(sprayed).status).toBe(429);
    expect(Number(retryAfter(sprayed))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(unwrap(await loginFrom("198.51.100.9", { email: "yet-another@baton.local", password: "guess" })).status).toBe(400);
  });

  it("forgets attempts once the window has passed", async () => {
    const keys = { account: "email:window@baton.local", address: null };
    const start = Date.now();
    for (let attempt = 0; attempt < ACCOUNT_LIMIT; attempt += 1) expect(await reserveLoginAttempt(keys, start)).toEqual({ ok: true });
    expect(await reserveLoginAttempt(keys, start + 1000)).toEqual({ ok: false, retryAfterMs: WINDOW_MS - 1000 });
    expect(await reserveLoginAttempt(keys, start + WINDOW_MS)).toEqual({ ok: true });
  });
});

describe("login loader, logout, home", () => {
  it("sends a signed-in user away from /login to their home or redirectTo", async () => {
    const cookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
    const home = (await settle(() => loginRoute.loader(args(getRequest("/login", cookie))))) as Response;
    expect(home.headers.get("location")).toBe("/inbox");
    const back = (await settle(() => loginRoute.loader(args(getRequest("/login?redirectTo=%2Fanalytics", cookie))))) as Response;
    expect(back.headers.get("location")).toBe("/analytics");
    await expect(loginRoute.loader(args(getRequest("/login")))).resolves.toBeNull();
  });

  it("signs out on POST only", async () => {
    const cookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
    const response = await logoutRoute.action(args(formRequest("/logout", {}, cookie)));
    expect(response.headers.get("location")).toBe("/login");
    expect(response.headers.get("set-cookie")).toMatch(/^baton_session=;/);
    const get = await logoutRoute.loader();
    expect(get.headers.get("location")).toBe("/");
    expect(get.headers.get("set-cookie")).toBeNull();
  });

  it("sends / to the role's home, or to /login", async () => {
    const admin = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
    const agent = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
    const location = async (cookie?: string) => ((await settle(() => indexRoute.loader(args(getRequest("/", cookie))))) as Response).headers.get("location");
    expect(await location(admin)).toBe("/flows");
    expect(await location(agent)).toBe("/inbox");
    expect(await location()).toBe("/login");
  });

  it("guards the pages by role", async () => {
    const agent = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
    const flows = (await settle(() => flowsRoute.loader(args(getRequest("/flows", agent))))) as Response;
    expect(flows.status).toBe(403);
    // An agent passes the guard (the pane has nothing moved to tell).
    await expect(inboxRoute.loader(args(getRequest("/inbox", agent)))).resolves.toEqual({ moved: null });
  });
});
