/**
 * "Call an API" on the real runtime and database against a local HTTP server started here:
 * mapping, credentials (sent, encrypted at rest, never stored in plain text anywhere else),
 * failures that never stall the conversation, the allow-list and the SSRF guard (resolved
 * addresses, redirects), and the Order status starter flow against Baton's own demo order API.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNodeFunnel } from "~/analytics/node-funnel.server";
import { saveCredential } from "~/integrations/credentials.server";
import { openSecret } from "~/integrations/secret-box.server";
import { parseHandoffPacket } from "~/runtime/handoff-packet";
import { createConversation } from "~/runtime/conversations.server";
import { publishFlow } from "~/runtime/flow-versions.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { loader as demoOrderLoader } from "~/routes/api.demo.orders.$orderId";
import { db } from "~/utils/db.server";
import { seedStarterFlows } from "~/workspace/seed-flows.server";
import { seedDemoApiHost } from "~/workspace/seed-demo-api.server";
import { QUIET_FLOW_SETTINGS, seedTeams } from "../support/chat-api";
import { createFakeEngines } from "../support/fake-engines";

process.env.BATON_CREDENTIALS_KEY = "integration-test-credentials-key-0123456789";
const SECRET = "sk_live_do-not-leak-4242";
const engines = createFakeEngines();

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let server: http.Server;
let port = 0;

async function serveDemoOrder(id: string, res: http.ServerResponse) {
  const response = await demoOrderLoader({ params: { orderId: id }, request: new Request("http://x"), context: {} });
  res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const url = new URL(req.url ?? "/", "http://local");
      const demo = /^\/api\/demo\/orders\/(.+)$/.exec(url.pathname);
      if (demo) return void serveDemoOrder(demo[1], res);
      if (url.pathname.startsWith("/orders/")) return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ order: { status: "shipped", id: url.pathname.slice(8) } }));
      if (url.pathname === "/echo") return void res.writeHead(200).end(JSON.stringify({ received: JSON.parse(body || "null") }));
      if (url.pathname === "/slow") return void setTimeout(() => res.writeHead(200).end("{}"), 3000);
      if (url.pathname.startsWith("/maybe/")) return void res.writeHead(url.pathname === "/maybe/13" ? 503 : 200).end(JSON.stringify({ order: { status: "ok" } }));
      if (url.pathname === "/broken") return void res.writeHead(500).end("oops");
      if (url.pathname === "/html") return void res.writeHead(200).end("<html>");
      if (url.pathname === "/redirect") return void res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  process.env.BATON_HTTP_ALLOWED_HOSTS = `127.0.0.1:${port}`;
  await seedTeams();
});

afterAll(async () => {
  delete process.env.BATON_HTTP_ALLOWED_HOSTS;
  await new Promise((resolve) => server.close(resolve));
});

let flows = 0;

/** Publishes start → ask order_id → the http step → "Status: …" / a handoff (unless `slug` is already published), and runs one turn answering `orderId`. */
async function run(step: Record<string, unknown>, options: { slug?: string; orderId?: string } = {}) {
  const slug = options.slug ?? `http-${++flows}`;
  const exists = await db.flow.findUnique({ where: { slug }, select: { id: true } });
  const published = exists ? { ok: true as const } : await publishFlow({
    schemaVersion: 1,
    name: slug,
    slug,
    settings: QUIET_FLOW_SETTINGS,
    nodes: [
      { id: "start", kind: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi" } },
      { id: "ask", kind: "collect", position: { x: 1, y: 0 }, data: { field: "order_id", question: "Order?", type: "number" } },
      { id: "call", kind: "http", position: { x: 2, y: 0 }, data: step },
      { id: "said", kind: "message", position: { x: 3, y: 0 }, data: { text: "Status: {{order_status}}" } },
      { id: "more", kind: "collect", position: { x: 4, y: 0 }, data: { field: "more", question: "More?" } },
      { id: "hand", kind: "escalate", position: { x: 3, y: 1 }, data: { team: "support", reason: "Lookup failed" } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "ask" },
      { id: "e2", source: "ask", sourceHandle: "captured", target: "call" },
      { id: "e3", source: "ask", sourceHandle: "failed", target: "hand" },
      { id: "e4", source: "call", sourceHandle: "ok", target: "said" },
      { id: "e5", source: "call", sourceHandle: "failed", target: "hand" },
      { id: "e6", source: "said", sourceHandle: "next", target: "more" },
      { id: "e7", source: "more", sourceHandle: "captured", target: "hand" },
      { id: "e8", source: "more", sourceHandle: "failed", target: "hand" },
    ],
  });
  if (!published.ok) throw new Error(JSON.stringify("errors" in published ? published.errors : published));
  const created = await createConversation({ slug, channel: "web" }, engines);
  if (!created) throw new Error("not started");
  const before = seen.length;
  const started = Date.now();
  const reply = await handleCustomerMessage({ conversationId: created.conversationId, clientMessageId: `m-${created.conversationId}`, text: options.orderId ?? "42" }, engines);
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: created.conversationId }, select: { status: true, fields: true, handoffReason: true, handoff: true, snapshot: true } });
  const events = await db.event.findMany({ where: { conversationId: created.conversationId }, select: { type: true, payload: true } });
  return { reply, conversation, events, requests: seen.slice(before), ms: Date.now() - started };
}

const lookup = (path: string, extra: Record<string, unknown> = {}) => ({ url: `http://127.0.0.1:${port}${path}`, map: [{ path: "$.order.status", field: "order_status" }], ...extra });

describe("Call an API on the runtime", () => {
  it("calls the API with the field URL-encoded, saves the mapped value and answers with it", async () => {
    const { reply, conversation, events, requests } = await run(lookup("/orders/{{order_id}}"));
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /orders/42"]);
    expect(reply.messages.map((m) => m.text)).toContain("Status: shipped");
    expect(JSON.parse(conversation.fields)).toEqual({ order_id: 42, order_status: "shipped" });
    const called = events.find((event) => event.type === "http.called");
    expect(JSON.parse(called?.payload ?? "{}")).toMatchObject({ method: "GET", url: `http://127.0.0.1:${port}/orders/42`, status: 200, ok: true });
  });

  it("sends a named credential as a bearer token, stores it encrypted and never writes it anywhere else", async () => {
    await saveCredential({ name: "orders-api", scheme: "bearer", secret: SECRET });
    const { requests, conversation, events } = await run(lookup("/orders/{{order_id}}", { credential: "orders-api" }));
    expect(requests[0].headers.authorization).toBe(`Bearer ${SECRET}`);
    const row = await db.httpCredential.findUniqueOrThrow({ where: { name: "orders-api" } });
    expect(row.secret).not.toContain(SECRET);
    expect(openSecret(row.secret, "orders-api")).toBe(SECRET);
    expect(openSecret(row.secret, "other-name")).toBeNull();
    const stored = JSON.stringify([conversation, events, await db.message.findMany(), await db.flowVersion.findMany()]);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(SECRET.slice(-8));
  });

  it("sends a credential in its own header when its settings say so, and a JSON body with values escaped", async () => {
    await saveCredential({ name: "header-key", scheme: "header", headerName: "X-Api-Key", secret: SECRET });
    const { requests } = await run({ method: "POST", url: `http://127.0.0.1:${port}/echo`, credential: "header-key", body: '{"order": {{order_id}}, "note": "id {{order_id}}"}', map: [{ path: "$.received.order", field: "order_status" }] });
    expect(requests[0].headers["x-api-key"]).toBe(SECRET);
    expect(requests[0].headers.authorization).toBeUndefined();
    expect(JSON.parse(requests[0].body)).toEqual({ order: 42, note: "id 42" });
  });

  it.each([
    ["a 500", "/broken", {}, "the API answered 500"],
    ["an answer that is not JSON", "/html", {}, "the answer is not JSON"],
    ["a missing required value", "/echo", {}, "the answer has no value at $.order.status"],
    ["an unknown credential", "/orders/1", { credential: "nope" }, "there is no usable credential named “nope”"],
  ])("takes failed on %s and the handoff packet says what failed", async (_, path, extra, detail) => {
    const { conversation, reply } = await run(lookup(path, extra));
    expect(reply.status).toBe("waiting");
    const reason = `Lookup failed (after an API call failed: GET http://127.0.0.1:${port}${path} failed: ${detail})`;
    expect(conversation.handoffReason).toBe(reason);
    expect(parseHandoffPacket(conversation.handoff)?.reason).toBe(reason);
  });

  it("gives up at the step's timeout and the conversation moves on", async () => {
    const { conversation, ms } = await run(lookup("/slow", { timeoutMs: 600 }));
    expect(conversation.handoffReason).toContain("failed: no answer within 0.6 s");
    expect(ms).toBeLessThan(2500);
  });
});

describe("what an API step may reach", () => {
  it("refuses a host that is not on the allow-list without sending anything", async () => {
    const { conversation, requests } = await run({ ...lookup("/orders/1"), url: `http://localhost:${port}/orders/1` });
    expect(requests).toEqual([]);
    expect(conversation.handoffReason).toContain(`localhost:${port} is not on the list of allowed hosts`);
  });

  it("checks the resolved address: an allowed name that resolves to loopback is blocked unless marked internal", async () => {
    await db.httpAllowedHost.create({ data: { host: `localhost:${port}` } });
    const blocked = await run({ ...lookup("/orders/1"), url: `http://localhost:${port}/orders/1` });
    expect(blocked.requests).toEqual([]);
    expect(blocked.conversation.handoffReason).toContain("points to a private or local network address");
    await db.httpAllowedHost.update({ where: { host: `localhost:${port}` }, data: { allowPrivate: true } });
    const allowed = await run({ ...lookup("/orders/1"), url: `http://localhost:${port}/orders/1` });
    expect(allowed.requests).toHaveLength(1);
    expect(JSON.parse(allowed.conversation.fields)).toMatchObject({ order_status: "shipped" });
    await db.httpAllowedHost.deleteMany({ where: { host: `localhost:${port}` } });
  });

  it("re-checks every redirect: to a host off the list, or to the cloud metadata address", async () => {
    await db.httpAllowedHost.create({ data: { host: "169.254.169.254" } });
    const offList = await run(lookup(`/redirect?to=${encodeURIComponent("http://example.invalid/x")}`));
    expect(offList.conversation.handoffReason).toContain("example.invalid is not on the list of allowed hosts");
    const metadata = await run(lookup(`/redirect?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data")}`));
    expect(metadata.conversation.handoffReason).toContain("169.254.169.254 points to a private or local network address");
    const followed = await run(lookup(`/redirect?to=${encodeURIComponent("/orders/7")}`));
    expect(followed.requests.map((r) => r.url)).toEqual([`/redirect?to=${encodeURIComponent("/orders/7")}`, "/orders/7"]);
  });
});

describe("analytics", () => {
  it("counts each API step's calls and failures in the node funnel", async () => {
    const step = lookup("/maybe/{{order_id}}");
    for (const orderId of ["1", "13", "2", "13", "13"]) await run(step, { slug: "maybe", orderId });
    const flow = await db.flow.findUniqueOrThrow({ where: { slug: "maybe" }, select: { id: true } });
    const funnel = await getNodeFunnel(flow.id, { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) });
    const call = funnel.nodes.find((node) => node.nodeId === "call");
    expect(call).toMatchObject({ passed: 5, apiCalls: 5, apiFailures: 3 });
    expect(funnel.nodes.find((node) => node.nodeId === "ask")).toMatchObject({ apiCalls: 0, apiFailures: 0 });
  });
});

describe("the Order status starter flow", () => {
  it("looks an order up in Baton's demo order API on a freshly seeded workspace", async () => {
    expect(await seedDemoApiHost(db, port)).toBe(true);
    expect(await seedDemoApiHost(db, port)).toBe(false);
    const report = await seedStarterFlows(db, undefined, port);
    expect(report.invalid).toEqual([]);
    const created = await createConversation({ slug: "order-status", channel: "web" }, engines);
    if (!created) throw new Error("order-status is not published");
    const before = seen.length;
    const reply = await handleCustomerMessage({ conversationId: created.conversationId, clientMessageId: "order-1", text: "Where is 10001?" }, engines);
    expect(seen.slice(before).map((r) => r.url)).toEqual(["/api/demo/orders/10001"]);
    expect(reply.messages.filter((m) => m.role === "bot")[0].text).toBe("Good news: order 10001 has shipped with DHL (tracking number JD014600006281230) and should arrive by 2026-12-09.");

    // Detect language: a customer who wrote in Spanish is handed off with a Spanish message, the language in the packet.
    const spanish = await createConversation({ slug: "order-status", channel: "web" }, engines);
    if (!spanish) throw new Error("order-status is not published");
    await handleCustomerMessage({ conversationId: spanish.conversationId, clientMessageId: "es-1", text: "Hola, mi pedido es el 10002, ¿dónde está?" }, engines);
    const handed = await handleCustomerMessage({ conversationId: spanish.conversationId, clientMessageId: "es-2", text: "I need more help" }, engines);
    expect(handed.messages.filter((m) => m.role === "bot").map((m) => m.text)).toEqual(["Te paso con una persona de nuestro equipo de soporte. Te responderá aquí en breve."]);
    const stored = await db.conversation.findUniqueOrThrow({ where: { id: spanish.conversationId }, select: { handoff: true } });
    expect(parseHandoffPacket(stored.handoff)).toMatchObject({ nodeId: "to-person-es", fields: { language: "es", order_status: "processing" } });
  });
});
