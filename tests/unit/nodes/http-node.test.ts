/** "Call an API" in a running flow machine, with a fake caller standing in for the server's. */
import { describe, expect, it } from "vitest";
import type { HttpCallInput, HttpCallResult } from "~/nodes/http/result";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, eventTypes, outcomes, texts } from "../flow/helpers";

const LOOKUP = { url: "https://api.example.com/orders/{{order_id}}", map: [{ path: "$.order.status", field: "order_status" }] };

function flow() {
  return compileClean(
    buildFlow(
      [
        ["start", "start", { greeting: "Hi!" }],
        ["ask", "collect", { field: "order_id", question: "Order number?", type: "number" }],
        ["lookup", "http", LOOKUP],
        ["found", "message", { text: "Order {{order_id}} is {{order_status}}." }],
        ["sorry", "escalate", { team: "support", reason: "Lookup failed", message: "" }],
        ["again", "collect", { field: "more", question: "Anything else?" }],
        ["done", "end", { text: "Bye" }],
      ],
      [
        ["start", "next", "ask"],
        ["ask", "captured", "lookup"],
        ["ask", "failed", "sorry"],
        ["lookup", "ok", "found"],
        ["lookup", "failed", "sorry"],
        ["found", "next", "again"],
        ["again", "captured", "done"],
        ["again", "failed", "done"],
      ],
    ),
  );
}

function caller(answer: (input: HttpCallInput) => HttpCallResult) {
  const calls: HttpCallInput[] = [];
  return { calls, http: { call: async (input: HttpCallInput) => (calls.push(input), answer(input)) } };
}

const ok = (fields: Record<string, string>): HttpCallResult => ({ ok: true, method: "GET", url: "https://api.example.com/orders/42", status: 200, error: null, detail: "", durationMs: 12, fields });

describe("an http step", () => {
  it("sends the step's settings with the conversation's fields, saves the mapped values and takes ok", async () => {
    const fake = caller(() => ok({ order_status: "shipped" }));
    const conversation = new Conversation(flow(), { ...createFakeEngines(), http: fake.http });
    await conversation.start();
    const turn = await conversation.say("42");
    expect(fake.calls).toEqual([{ nodeId: "lookup", data: expect.objectContaining({ method: "GET", url: LOOKUP.url, timeoutMs: 5000 }), fields: { order_id: 42 } }]);
    expect(texts(turn)).toEqual(["Order 42 is shipped.", "Anything else?"]);
    expect(outcomes(turn)).toEqual(["ask:captured", "lookup:ok", "found:next"]);
    expect(turn.events.find((event) => event.type === "http.called")?.payload).toMatchObject({ method: "GET", status: 200, ok: true, fields: { order_status: "shipped" } });
    expect(turn.events).toContainEqual({ type: "field.captured", nodeId: "lookup", payload: { field: "order_status", value: "shipped", source: "api" } });
    expect(turn.state.fields).toEqual({ order_id: 42, order_status: "shipped" });
  });

  it("takes failed on a failure, and the handoff after it says what failed", async () => {
    const fake = caller(() => ({ ok: false, method: "GET", url: "https://api.example.com/orders/42", status: 503, error: "http_status", detail: "the API answered 503", durationMs: 30, fields: { order_status: "ignored" } }));
    const conversation = new Conversation(flow(), { ...createFakeEngines(), http: fake.http });
    await conversation.start();
    const turn = await conversation.say("42");
    expect(turn.status).toBe("handoff");
    expect(outcomes(turn)).toEqual(["ask:captured", "lookup:failed"]);
    expect(turn.handoff?.reason).toBe("Lookup failed (after an API call failed: GET https://api.example.com/orders/42 failed: the API answered 503)");
    expect(turn.state.fields).toEqual({ order_id: 42 });
  });

  it("takes failed when the caller itself throws, and when no caller is configured (never stalls)", async () => {
    const throwing = new Conversation(flow(), { ...createFakeEngines(), http: { call: async () => Promise.reject(new Error("socket hang up")) } });
    await throwing.start();
    const thrown = await throwing.say("42");
    expect(outcomes(thrown)).toEqual(["ask:captured", "lookup:failed"]);
    expect(thrown.handoff?.reason).toContain("failed: socket hang up");

    const unconfigured = new Conversation(flow(), createFakeEngines());
    await unconfigured.start();
    const turn = await unconfigured.say("42");
    expect(eventTypes(turn)).toContain("http.called");
    expect(turn.handoff?.reason).toContain("API calls are not available here");
  });

  it("a later successful call clears the failure, so an unrelated handoff does not blame the API", async () => {
    let attempt = 0;
    const fake = caller(() => (++attempt === 1 ? { ...ok({}), ok: false, status: 500, error: "http_status", detail: "the API answered 500" } : ok({ order_status: "late" })));
    const machine = compileClean(
      buildFlow(
        [
          ["start", "start", { greeting: "Hi!" }],
          ["lookup", "http", { url: "https://api.example.com/x", map: [{ path: "$.s", field: "order_status" }] }],
          ["retry", "http", { url: "https://api.example.com/x", map: [{ path: "$.s", field: "order_status" }] }],
          ["hand", "escalate", { team: "support", reason: "Wanted a person" }],
        ],
        [
          ["start", "next", "lookup"],
          ["lookup", "ok", "hand"],
          ["lookup", "failed", "retry"],
          ["retry", "ok", "hand"],
          ["retry", "failed", "hand"],
        ],
      ),
    );
    const started = await new Conversation(machine, { ...createFakeEngines(), http: fake.http }).start();
    expect(fake.calls).toHaveLength(2);
    expect(started.handoff?.reason).toBe("Wanted a person");
  });
});
