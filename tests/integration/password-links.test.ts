/**
 * One-time password links on the real database and through the public pages' routes: hashes
 * only, single use, expiry, the newest link only, and a reset that ends the person's sessions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getUser } from "~/auth/guards.server";
import { verifyLogin } from "~/auth/login.server";
import { verifyPassword } from "~/auth/password.server";
import { createPasswordLink, readPasswordLink, usePasswordLink } from "~/auth/password-links.server";
import * as invitePage from "~/routes/invite.$token";
import * as resetPage from "~/routes/reset-password.$token";
import { db } from "~/utils/db.server";
import { invitePerson } from "~/workspace/people.server";
import { BASE, formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";

const tokenOf = (path: string) => path.split("/").pop() as string;
const HOUR = 3_600_000;

beforeAll(async () => {
  await seedAndFind("admin@baton.local");
});

describe("invitation links", () => {
  it("lets the invited person choose a password once, then signs them in with it", async () => {
    const invited = await invitePerson(db, { name: "Nia New", email: "nia@baton.local", role: "agent", teamIds: [] });
    if (!invited.ok) throw new Error(invited.message);
    expect(invited.link.path).toMatch(/^\/invite\//);
    const token = tokenOf(invited.link.path);
    const stored = await db.passwordLink.findFirstOrThrow({ where: { user: { email: "nia@baton.local" } } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * HOUR);
    // Not signed in before choosing a password: like an unknown email.
    await expect(verifyLogin({ email: "nia@baton.local", password: "" }, null)).resolves.toMatchObject({ ok: false, status: 400 });

    // The page shows the person's name and nothing else of the workspace.
    const page = unwrap(await invitePage.loader({ request: getRequest(`/invite/${token}`), params: { token }, context: {} }));
    expect(page).toEqual({ status: 200, data: { purpose: "invite", link: { state: "valid", name: "Nia New" } } });

    const mismatch = unwrap(await settle(() => invitePage.action({ request: formRequest(`/invite/${token}`, { password: "nia-password", confirm: "nia-passw0rd" }), params: { token }, context: {} })));
    expect(mismatch).toEqual({ status: 400, data: { fieldErrors: { confirm: "The two passwords don't match" } } });
    const short = unwrap(await settle(() => invitePage.action({ request: formRequest(`/invite/${token}`, { password: "short", confirm: "short" }), params: { token }, context: {} })));
    expect(short.data).toEqual({ fieldErrors: { password: "Use at least 8 characters" } });

    const signedIn = (await invitePage.action({ request: formRequest(`/invite/${token}`, { password: "nia-password", confirm: "nia-password" }), params: { token }, context: {} })) as Response;
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/inbox");
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0];
    await expect(getUser(getRequest("/inbox", cookie))).resolves.toMatchObject({ email: "nia@baton.local" });
    const nia = await db.user.findUniqueOrThrow({ where: { email: "nia@baton.local" } });
    await expect(verifyPassword(nia.passwordHash, "nia-password")).resolves.toBe(true);
    // Joined: now in round robin like anyone new.
    expect(nia.availability).toBe("online");
    await expect(verifyLogin({ email: "nia@baton.local", password: "nia-password" }, null)).resolves.toMatchObject({ ok: true });

    // Used: the page says so (410) and a second use changes nothing.
    const again = unwrap(await invitePage.loader({ request: getRequest(`/invite/${token}`), params: { token }, context: {} }));
    expect(again).toEqual({ status: 410, data: { purpose: "invite", link: { state: "used" } } });
    const reuse = unwrap(await settle(() => invitePage.action({ request: formRequest(`/invite/${token}`, { password: "other-password", confirm: "other-password" }), params: { token }, context: {} })));
    expect(reuse).toEqual({ status: 410, data: { link: { state: "used" } } });
    await expect(verifyPassword((await db.user.findUniqueOrThrow({ where: { id: nia.id } })).passwordHash, "nia-password")).resolves.toBe(true);
  });

  it("answers unknown, expired, superseded and wrong-kind links with a clear state and no password change", async () => {
    const unknown = unwrap(await invitePage.loader({ request: getRequest("/invite/nope"), params: { token: "nope" }, context: {} }));
    expect(unknown).toEqual({ status: 404, data: { purpose: "invite", link: { state: "unknown" } } });

    const omar = await db.user.create({ data: { email: "omar@baton.local", name: "Omar", role: "agent", passwordHash: "" } });
    const weekAgo = new Date(Date.now() - 7 * 24 * HOUR - 1000);
    const old = await createPasswordLink(db, omar.id, "invite", weekAgo);
    // A link made later replaces the first one: only the newest works.
    await expect(readPasswordLink(db, tokenOf(old.path), "invite", weekAgo)).resolves.toEqual({ state: "valid", name: "Omar" });
    const expired = await createPasswordLink(db, omar.id, "invite", weekAgo);
    await expect(readPasswordLink(db, tokenOf(old.path), "invite")).resolves.toEqual({ state: "unknown" });
    await expect(readPasswordLink(db, tokenOf(expired.path), "invite")).resolves.toEqual({ state: "expired" });
    await expect(usePasswordLink(db, tokenOf(expired.path), "invite", "omar-password")).resolves.toEqual({ ok: false, state: "expired" });

    const fresh = await createPasswordLink(db, omar.id, "invite");
    // An invitation's token under the reset page is not a link we made.
    await expect(readPasswordLink(db, tokenOf(fresh.path), "reset")).resolves.toEqual({ state: "unknown" });
    const resetLoader = unwrap(await resetPage.loader({ request: getRequest(`/reset-password/x`), params: { token: tokenOf(fresh.path) }, context: {} }));
    expect(resetLoader.status).toBe(404);
    await expect(db.user.findUniqueOrThrow({ where: { id: omar.id } })).resolves.toMatchObject({ passwordHash: "" });
  });

  it("lets only one of two simultaneous uses through", async () => {
    const pia = await db.user.create({ data: { email: "pia@baton.local", name: "Pia", role: "agent", passwordHash: "" } });
    const link = await createPasswordLink(db, pia.id, "invite");
    const results = await Promise.all([usePasswordLink(db, tokenOf(link.path), "invite", "first-password"), usePasswordLink(db, tokenOf(link.path), "invite", "second-password")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, state: "used" }]);
  });
});

describe("reset links", () => {
  it("is valid 24 hours, sets a new password and ends every other session of the person", async () => {
    const ana = await seedAndFind("ana@baton.local");
    const otherBrowser = await sessionCookieFor(ana.id);
    const link = await createPasswordLink(db, ana.id, "reset");
    expect(link.path).toMatch(/^\/reset-password\//);
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * HOUR);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR);
    const token = tokenOf(link.path);
    await expect(readPasswordLink(db, token, "reset", new Date(Date.now() + 24 * HOUR + 1000))).resolves.toEqual({ state: "expired" });

    const signedIn = (await resetPage.action({
      request: formRequest(`/reset-password/${token}`, { password: "ana-new-password", confirm: "ana-new-password" }, undefined, { origin: BASE }),
      params: { token },
      context: {},
    })) as Response;
    expect(signedIn.status).toBe(302);
    await expect(getUser(getRequest("/inbox", otherBrowser))).resolves.toBeNull();
    await expect(db.session.count({ where: { userId: ana.id } })).resolves.toBe(1);
    await expect(verifyLogin({ email: "ana@baton.local", password: "ana-new-password" }, null)).resolves.toMatchObject({ ok: true });
    await expect(verifyLogin({ email: "ana@baton.local", password: "baton-demo" }, null)).resolves.toMatchObject({ ok: false });
  });

  it("refuses a POST from another site", async () => {
    const ben = await seedAndFind("ben@baton.local");
    const token = tokenOf((await createPasswordLink(db, ben.id, "reset")).path);
    const refused = await settle(() =>
      resetPage.action({ request: formRequest(`/reset-password/${token}`, { password: "evil-password", confirm: "evil-password" }, undefined, { origin: "https://evil.example" }), params: { token }, context: {} })
    );
    expect((refused as Response).status).toBe(403);
    await expect(readPasswordLink(db, token, "reset")).resolves.toEqual({ state: "valid", name: "Ben Agent" });
  });
});
