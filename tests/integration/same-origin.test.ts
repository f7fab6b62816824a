/** CSRF: a signed-in mutation from another site is refused before it changes anything. */
import { beforeAll, describe, expect, it } from "vitest";
import * as loginRoute from "~/routes/login";
import * as teamsRoute from "~/routes/_app.teams";
import { db } from "~/utils/db.server";
import { BASE, formRequest, seedAndFind, sessionCookieFor, settle } from "../support/auth";

const args = (request: Request) => ({ request, params: {}, context: {} });
let adminCookie: string;

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
});

const createTeam = (name: string, headers: Record<string, string>) =>
  settle(() => teamsRoute.action(args(formRequest("/teams", { intent: "create-team", name, slug: "" }, adminCookie, headers))));

describe("a signed-in form posted from another site", () => {
  it("is refused with 403 and creates nothing, by Origin and by Sec-Fetch-Site", async () => {
    const forged: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: "https://shop.baton.test" }];
    for (const headers of forged) {
      const result = await createTeam("Forged", headers);
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).status).toBe(403);
    }
    expect(await db.team.count({ where: { name: "Forged" } })).toBe(0);
  });

  it("passes from our own pages (same origin, or behind a TLS proxy) and from clients without browser headers", async () => {
    const host = new URL(BASE).host;
    const ours: Array<Record<string, string>> = [{ origin: BASE, "sec-fetch-site": "same-origin" }, { origin: `https://${host}` }, {}];
    for (const [index, headers] of ours.entries()) {
      const result = await createTeam(`Ours ${index}`, headers);
      expect(result instanceof Response ? result.status : 200).toBe(200);
    }
    expect(await db.team.count({ where: { name: { startsWith: "Ours " } } })).toBe(3);
  });

  it("cannot sign a visitor in from another site (login CSRF)", async () => {
    const request = formRequest("/login", { email: "admin@baton.local", password: "baton-demo" }, undefined, { origin: "https://evil.example" });
    const result = await settle(() => loginRoute.action(args(request)));
    expect((result as Response).status).toBe(403);
    expect((result as Response).headers.get("set-cookie")).toBeNull();
  });
});
