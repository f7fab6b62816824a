/** The pure half of "Call an API": JSON paths, templates, the built request, the mapping, the diagnostics. */
import { describe, expect, it } from "vitest";
import { diagnoseFlow } from "~/flow/diagnostics";
import { diagnoseHttp } from "~/nodes/http/compile";
import { parseJsonPath, readJsonPath } from "~/nodes/http/json-path";
import { applyResponseMapping } from "~/nodes/http/mapping";
import { buildHttpRequest, fillJsonTemplate, fillUrl } from "~/nodes/http/request";
import { HttpDataSchema } from "~/nodes/http/schema";
import { buildFlow } from "../flow/helpers";

const http = (data: Record<string, unknown>) => HttpDataSchema.parse(data);

describe("JSON paths", () => {
  const answer = { order: { status: "shipped", "tracking-no": "Z1", items: [{ name: "Tote" }, { name: "Shirt" }] } };
  it.each([
    ["$.order.status", "shipped"],
    ["$.order['tracking-no']", "Z1"],
    ['$["order"].items[1].name', "Shirt"],
    ["$.order.items[-1].name", "Shirt"],
    ["$.order.missing", undefined],
    ["$.order.items[5]", undefined],
    ["$.order.status.length", undefined],
  ])("%s reads %s", (path, expected) => {
    const parsed = parseJsonPath(path);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(readJsonPath(answer, parsed.segments)).toEqual(expected);
  });

  it("never reads inherited properties", () => {
    const parsed = parseJsonPath("$.order.constructor");
    expect(parsed.ok && readJsonPath(answer, parsed.segments)).toBeUndefined();
  });

  it.each(["order.status", "$.", "$.order[", "$..status", "$.order[*]"])("rejects %s with a message", (path) => {
    const parsed = parseJsonPath(path);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(10);
  });
});

describe("request templates", () => {
  it("URL-encodes every value, so a value cannot change the path or add parameters", () => {
    expect(fillUrl("https://api.example.com/orders/{{id}}?q={{q}}", { id: "../admin?x=1", q: "a&b=c d" })).toBe(
      "https://api.example.com/orders/..%2Fadmin%3Fx%3D1?q=a%26b%3Dc%20d",
    );
  });

  it("escapes values inside JSON strings and writes JSON values outside them", () => {
    const body = fillJsonTemplate('{ "email": "{{email}}", "qty": {{qty}}, "note": {{note}} }', { email: 'x", "admin": true, "y": "', qty: 3, note: "hi" });
    expect(JSON.parse(body)).toEqual({ email: 'x", "admin": true, "y": "', qty: 3, note: "hi" });
  });

  it("fails before sending when a field the request needs is unknown", () => {
    const built = buildHttpRequest(http({ url: "https://api.example.com/orders/{{order_id}}" }), {});
    expect(built).toMatchObject({ ok: false, error: "missing_field" });
    expect(!built.ok && built.detail).toContain("{{order_id}}");
  });

  it("refuses keys in the URL and other schemes", () => {
    expect(buildHttpRequest(http({ url: "https://user:key@api.example.com/x" }), {})).toMatchObject({ ok: false, error: "bad_url" });
    expect(buildHttpRequest(http({ url: "file:///etc/passwd" }), {})).toMatchObject({ ok: false, error: "bad_url" });
  });

  it("strips line breaks from header values and adds the JSON content type to a body", () => {
    const built = buildHttpRequest(http({ method: "POST", url: "https://api.example.com/t", headers: { "X-Who": "{{name}}" }, body: '{"a": {{n}}}' }), { name: "Ana\r\nX-Evil: 1", n: 2 });
    expect(built.ok && built.request.headers).toEqual({ "X-Who": "Ana X-Evil: 1", "Content-Type": "application/json" });
    expect(built.ok && built.request.body).toBe('{"a": 2}');
  });
});

describe("response mapping", () => {
  const map = [
    { path: "$.order.status", field: "status", required: true },
    { path: "$.order.paid", field: "paid", required: true },
    { path: "$.order.items", field: "items", required: false },
    { path: "$.order.eta", field: "eta", required: false },
  ];

  it("keeps text and numbers, reads booleans as words and objects as JSON; optional gaps are fine", () => {
    expect(applyResponseMapping({ order: { status: "shipped", paid: true, items: [1, 2] } }, map)).toEqual({ fields: { status: "shipped", paid: "true", items: "[1,2]" }, missing: [] });
  });

  it("lists the required values the answer lacks (null counts as missing)", () => {
    expect(applyResponseMapping({ order: { status: null } }, map).missing).toEqual(["$.order.status", "$.order.paid"]);
  });
});

describe("diagnostics", () => {
  it("is clean for a complete step", () => {
    expect(diagnoseHttp(http({ url: "https://api.example.com/orders/{{order_id}}", map: [{ path: "$.order.status", field: "order_status" }] }))).toEqual([]);
  });

  it("names the field of each problem", () => {
    const issues = diagnoseHttp(
      http({
        method: "GET",
        url: "",
        body: "{ nope",
        map: [
          { path: "order.status", field: "status" },
          { path: "$.a", field: "status" },
        ],
      }),
    );
    expect(issues.map((issue) => [issue.severity, issue.field])).toEqual([
      ["error", "url"],
      ["warning", "body"],
      ["error", "map.0.path"],
      ["error", "map.1.field"],
    ]);
  });

  it("checks the body template as JSON and warns about plain http to another machine", () => {
    expect(diagnoseHttp(http({ method: "POST", url: "https://api.example.com/x", body: '{"a": "{{b}}",}' }))[0]).toMatchObject({ severity: "error", field: "body" });
    expect(diagnoseHttp(http({ url: "http://api.example.com/x" }))[0]).toMatchObject({ severity: "warning", code: "insecure-url" });
  });

  it("warns in the editor about an API key the workspace does not have", () => {
    const document = buildFlow(
      [
        ["start", "start", { greeting: "Hi" }],
        ["call", "http", { url: "https://api.example.com/x", credential: "orders-api" }],
        ["end", "end", { text: "Bye" }],
      ],
      [
        ["start", "next", "call"],
        ["call", "ok", "end"],
        ["call", "failed", "end"],
      ],
    );
    const issues = (credentials?: string[]) => diagnoseFlow(document, { credentials }).diagnostics.filter((d) => d.code === "unknown-credential");
    expect(issues(["other"])).toEqual([{ severity: "warning", code: "unknown-credential", nodeId: "call", field: "credential", message: 'There is no API key named "orders-api": add it on the API connections page, or the call fails.' }]);
    expect(issues(["orders-api"])).toEqual([]);
    expect(issues(undefined)).toEqual([]);
  });

  it("caps the timeout at 15 seconds and defaults to 5", () => {
    expect(HttpDataSchema.parse({}).timeoutMs).toBe(5000);
    expect(HttpDataSchema.safeParse({ timeoutMs: 15_001 }).success).toBe(false);
  });
});
