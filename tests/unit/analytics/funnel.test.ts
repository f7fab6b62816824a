/** The node funnel and node order (app/analytics/funnel.ts, flow-nodes.ts) with known answers. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFlowNodes, mergeFlowNodes } from "~/analytics/flow-nodes";
import { computeNodeFunnel, countEscalationsByNode } from "~/analytics/funnel";

describe("listFlowNodes", () => {
  it("orders nodes branch by branch from the start, unreachable ones last, with kind labels", () => {
    const nodes = listFlowNodes({
      nodes: [
        { id: "lonely", kind: "message" },
        { id: "ask", kind: "collect" },
        { id: "hello", kind: "start" },
        { id: "done", kind: "end" },
        { id: "human", kind: "escalate" },
      ],
      edges: [
        { source: "hello", target: "ask" },
        { source: "ask", target: "done" },
        { source: "ask", target: "human" },
        { source: "done", target: "hello" },
      ],
    });
    expect(nodes.map((node) => node.id)).toEqual(["hello", "ask", "done", "human", "lonely"]);
    expect(nodes[0]).toEqual({ id: "hello", kind: "start", kindLabel: "Start", name: "Start" });
    expect(listFlowNodes("not a document")).toEqual([]);
  });

  it("lists every node of the starter flow once", () => {
    const document = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../flows/store-support.json"), "utf8"));
    const ids = listFlowNodes(document).map((node) => node.id);
    expect(ids.slice(0, 4)).toEqual(["start", "topic", "ask-order-id", "ask-email"]);
    expect(new Set(ids)).toEqual(new Set(document.nodes.map((node: { id: string }) => node.id)));
  });

  it("names each step as the lead reads it in the builder, not by its id", () => {
    const document = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../flows/store-support.json"), "utf8"));
    const byId = new Map(listFlowNodes(document).map((node) => [node.id, node]));
    expect(byId.get("ask-order-id")).toMatchObject({ kindLabel: "Ask for information", name: "Ask for information: Sure! What's your 10-digit order number? You'll find it i…" });
    // A step that shows the customer no text is named by its kind alone; the id stays beside it.
    expect(byId.get("topic")?.name).toBe(byId.get("topic")?.kindLabel);
    // An old version's step the current schema refuses, or a kind that no longer exists, still gets a name.
    const old = listFlowNodes({ nodes: [{ id: "q", kind: "collect", position: { x: 0, y: 0 }, data: { question: "Order?", retired: true } }, { id: "x", kind: "fax" }] });
    expect(old.map(({ id, name }) => [id, name])).toEqual([
      ["q", "Ask for information"],
      ["x", "Removed node"],
    ]);
  });

  it("keeps removed nodes of older versions after the newest version's", () => {
    const merged = mergeFlowNodes([
      [{ id: "start", kind: "start", kindLabel: "Start", name: "Start" }],
      [
        { id: "old", kind: "message", kindLabel: "Send a message", name: "Send a message" },
        { id: "start", kind: "message", kindLabel: "Send a message", name: "Send a message" },
      ],
    ]);
    expect(merged).toEqual([
      { id: "start", kind: "start", kindLabel: "Start", name: "Start" },
      { id: "old", kind: "message", kindLabel: "Send a message", name: "Send a message" },
    ]);
  });
});

describe("computeNodeFunnel", () => {
  it("lays the entries, drop-offs and handoffs per node over the flow's nodes, a removed node after them", () => {
    const rows = computeNodeFunnel({
      nodes: [
        { id: "start", kind: "start", kindLabel: "Start", name: "Start" },
        { id: "ask", kind: "collect", kindLabel: "Ask for information", name: "Ask for information" },
        { id: "human", kind: "escalate", kindLabel: "Hand off to a team", name: "Hand off to a team" },
      ],
      passed: new Map([
        ["start", 5],
        ["ask", 4],
        ["human", 1],
        ["gone", 1],
      ]),
      droppedOff: new Map([
        ["ask", 1],
        ["gone", 1],
      ]),
      escalated: new Map([
        ["human", 1],
        ["ask", 1],
      ]),
    });
    expect(rows).toEqual([
      { nodeId: "start", kind: "start", kindLabel: "Start", name: "Start", passed: 5, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 },
      { nodeId: "ask", kind: "collect", kindLabel: "Ask for information", name: "Ask for information", passed: 4, droppedOff: 1, escalated: 1, apiCalls: 0, apiFailures: 0 },
      { nodeId: "human", kind: "escalate", kindLabel: "Hand off to a team", name: "Hand off to a team", passed: 1, droppedOff: 0, escalated: 1, apiCalls: 0, apiFailures: 0 },
      { nodeId: "gone", kind: null, kindLabel: "Removed node", name: "Removed node", passed: 1, droppedOff: 1, escalated: 0, apiCalls: 0, apiFailures: 0 },
    ]);
  });

  it("counts the handoffs of escalation groups per node, those without a node nowhere", () => {
    const escalated = countEscalationsByNode([
      { handoffNodeId: "ask", count: 3 },
      { handoffNodeId: "human", count: 1 },
      { handoffNodeId: "ask", count: 2 },
      { handoffNodeId: null, count: 4 },
    ]);
    expect([...escalated]).toEqual([
      ["ask", 5],
      ["human", 1],
    ]);
  });

  it("adds the API calls and failures of Call an API steps, also of a step deleted since", () => {
    const rows = computeNodeFunnel({
      nodes: [{ id: "lookup", kind: "http", kindLabel: "Call an API", name: "Call an API" }],
      passed: new Map([["lookup", 3]]),
      droppedOff: new Map(),
      escalated: new Map(),
      apiCalls: new Map([
        ["lookup", { calls: 4, failures: 1 }],
        ["old-lookup", { calls: 2, failures: 2 }],
      ]),
    });
    expect(rows.map(({ nodeId, apiCalls, apiFailures }) => ({ nodeId, apiCalls, apiFailures }))).toEqual([
      { nodeId: "lookup", apiCalls: 4, apiFailures: 1 },
      { nodeId: "old-lookup", apiCalls: 2, apiFailures: 2 },
    ]);
  });
});
