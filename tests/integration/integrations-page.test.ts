/** The API connections page's loader and action, through the real route module and database. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { removeHost } from "~/integrations/allowed-hosts.server";
import * as integrationsRoute from "~/routes/_app.integrations";
import { db } from "~/utils/db.server";
import { formRequest, getRequest, seedAndFind, sessionCookieFor, settle, unwrap } from "../support/auth";

process.env.BATON_CREDENTIALS_KEY = "integration-test-credentials-key-0123456789";
const SECRET = "sk_live_page_test_7261";
const args = (request: Request) => ({ request, params: {}, context: {} });
let adminCookie: string;
let agentCookie: string;

const act = async (fields: Record<string, string>, cookie = adminCookie) => {
  const result = await settle(() => integrationsRoute.action(args(formRequest("/integrations", fields, cookie))));
  return result instanceof Response ? { status: result.status, data: {} as Record<string, unknown> } : unwrap(result);
};
const load = () => integrationsRoute.loader(args(getRequest("/integrations", adminCookie)));

beforeAll(async () => {
  adminCookie = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
});

describe("API connections", () => {
  it("is for admins only", async () => {
    const page = (await settle(() => integrationsRoute.loader(args(getRequest("/integrations", agentCookie))))) as Response;
    expect(page.status).toBe(403);
    expect((await act({ intent: "allow-host", host: "evil.example" }, agentCookie)).status).toBe(403);
    expect(await db.httpAllowedHost.count({ where: { host: "evil.example" } })).toBe(0);
  });

  it("allows a host as typed or pasted, refuses a bad one with a field error and changes nothing", async () => {
    const before = await db.httpAllowedHost.count();
    expect(await act({ intent: "allow-host", host: "not a host" })).toMatchObject({ status: 400, data: { ok: false, intent: "allow-host", fieldErrors: { host: expect.stringContaining("Enter a host like") } } });
    expect(await db.httpAllowedHost.count()).toBe(before);
    expect(await act({ intent: "allow-host", host: "https://Orders.Example.com:8443/v1", allowPrivate: "on", note: "ERP" })).toMatchObject({ status: 200, data: { ok: true } });
    expect((await load()).hosts).toContainEqual(expect.objectContaining({ host: "orders.example.com:8443", allowPrivate: true, note: "ERP" }));
  });

  it("names the host it removed, and says so when it was already gone", async () => {
    expect(await act({ intent: "allow-host", host: "stock.example.com" })).toMatchObject({ status: 200 });
    const { id } = await db.httpAllowedHost.findUniqueOrThrow({ where: { host: "stock.example.com" }, select: { id: true } });
    expect(await act({ intent: "remove-host", id })).toMatchObject({ status: 200, data: { ok: true, notice: "stock.example.com removed: “Call an API” steps can no longer reach it" } });
    expect(await db.httpAllowedHost.count({ where: { host: "stock.example.com" } })).toBe(0);
    expect(await act({ intent: "remove-host", id })).toMatchObject({ status: 404, data: { ok: false, formError: "That host was already removed." } });
  });

  it("removes a host with one delete, never a read first, and a second removal is 'already removed' rather than an error", async () => {
    expect(await act({ intent: "allow-host", host: "returns.example.com" })).toMatchObject({ status: 200 });
    const { id } = await db.httpAllowedHost.findUniqueOrThrow({ where: { host: "returns.example.com" }, select: { id: true } });
    const reads = vi.spyOn(db.httpAllowedHost, "findUnique");
    try {
      expect(await removeHost(id)).toBe("returns.example.com");
      expect(await removeHost(id)).toBeNull();
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
    expect(await db.httpAllowedHost.count({ where: { host: "returns.example.com" } })).toBe(0);
  });

  it("answers an empty key form in words, not in the validator's terms", async () => {
    expect(await act({ intent: "save-credential", name: "", secret: "", scheme: "bearer" })).toMatchObject({
      status: 400,
      data: { fieldErrors: { name: "Name the key, e.g. orders-api", secret: "Paste the API key" } },
    });
  });

  it("saves a key encrypted, never returns it, replaces it by name and deletes it", async () => {
    expect(await act({ intent: "save-credential", name: "erp", secret: SECRET, scheme: "header", headerName: "" })).toMatchObject({ status: 400, data: { fieldErrors: { headerName: expect.any(String) } } });
    expect(await db.httpCredential.count()).toBe(0);
    expect(await act({ intent: "save-credential", name: "erp", secret: SECRET, scheme: "header", headerName: "X-Api-Key" })).toMatchObject({ status: 200 });
    expect(await act({ intent: "save-credential", name: "erp", secret: `${SECRET}-2`, scheme: "bearer" })).toMatchObject({ status: 200 });
    const page = await load();
    expect(page.credentials).toEqual([{ name: "erp", scheme: "bearer", headerName: null, updatedAt: expect.any(String) }]);
    expect(JSON.stringify(page)).not.toContain(SECRET);
    expect((await db.httpCredential.findUniqueOrThrow({ where: { name: "erp" } })).secret).not.toContain(SECRET);
    expect(await act({ intent: "delete-credential", name: "erp" })).toMatchObject({ status: 200 });
    expect(await act({ intent: "delete-credential", name: "erp" })).toMatchObject({ status: 404 });
  });

  it("shows the hosts the environment adds, and a bad variable as an error", async () => {
    process.env.BATON_HTTP_ALLOWED_HOSTS = "127.0.0.1:4000";
    expect((await load()).environment).toEqual({ hosts: ["127.0.0.1:4000"], error: null });
    process.env.BATON_HTTP_ALLOWED_HOSTS = "ok.example, bad host";
    expect((await load()).environment.error).toContain('BATON_HTTP_ALLOWED_HOSTS: "bad host"');
    delete process.env.BATON_HTTP_ALLOWED_HOSTS;
  });
});
