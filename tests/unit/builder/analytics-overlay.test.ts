/**
 * The analytics overlay's numbers: the funnel API's answer laid onto the draft's steps — shares
 * of the flow's conversations, steps added since publishing marked as such, steps deleted since
 * then counted in the summary — and an answer of the wrong shape refused.
 */
import { describe, expect, it } from "vitest";
import { mapTraffic, parseFunnelResponse, summariseFunnel, type FunnelResponse } from "~/builder/analytics-overlay";

const funnel: FunnelResponse = {
  from: "2026-11-02T00:00:00.000Z",
  to: "2026-12-02T00:00:00.000Z",
  conversations: 200,
  nodes: [
    { nodeId: "start", kind: "start", passed: 200, droppedOff: 10, escalated: 0, apiCalls: 0, apiFailures: 0 },
    { nodeId: "topic", kind: "intent", passed: 190, droppedOff: 5, escalated: 12, apiCalls: 0, apiFailures: 0 },
    { nodeId: "lookup", kind: "http", passed: 60, droppedOff: 0, escalated: 0, apiCalls: 64, apiFailures: 9 },
    { nodeId: "to-support", kind: "escalate", passed: 40, droppedOff: 0, escalated: 40, apiCalls: 0, apiFailures: 0 },
    { nodeId: "old-step", kind: null, passed: 3, droppedOff: 1, escalated: 0, apiCalls: 0, apiFailures: 0 },
    { nodeId: "never-reached", kind: "message", passed: 0, droppedOff: 0, escalated: 0, apiCalls: 0, apiFailures: 0 },
  ],
};

describe("analytics overlay", () => {
  it("gives every step of the draft its counts and its share of the flow's conversations", () => {
    const traffic = mapTraffic(funnel, ["start", "topic", "to-support", "never-reached", "added-since"]);
    expect([...traffic.keys()]).toEqual(["start", "topic", "to-support", "never-reached", "added-since"]);
    expect(traffic.get("start")).toEqual({ passed: 200, droppedOff: 10, escalated: 0, share: 1, apiCalls: 0, apiFailures: 0, unpublished: false });
    expect(traffic.get("topic")).toEqual({ passed: 190, droppedOff: 5, escalated: 12, share: 0.95, apiCalls: 0, apiFailures: 0, unpublished: false });
    expect(traffic.get("to-support")?.share).toBe(0.2);
    expect(traffic.get("never-reached")).toEqual({ passed: 0, droppedOff: 0, escalated: 0, share: 0, apiCalls: 0, apiFailures: 0, unpublished: false });
    expect(traffic.get("added-since")).toEqual({ passed: 0, droppedOff: 0, escalated: 0, share: 0, apiCalls: 0, apiFailures: 0, unpublished: true });
  });

  it("carries an API step's calls and failures to its card, and reads answers without them as zero", () => {
    expect(mapTraffic(funnel, ["lookup"]).get("lookup")).toMatchObject({ apiCalls: 64, apiFailures: 9 });
    const older = parseFunnelResponse({ ...funnel, nodes: [{ nodeId: "start", kind: "start", passed: 1, droppedOff: 0, escalated: 0 }] });
    expect(older?.nodes[0]).toMatchObject({ apiCalls: 0, apiFailures: 0 });
  });

  it("sums the flow's handoffs and drop-offs and counts the deleted steps that had traffic", () => {
    expect(summariseFunnel(funnel, ["start", "topic", "lookup", "to-support", "never-reached"])).toEqual({ conversations: 200, escalated: 52, droppedOff: 16, removedSteps: 1 });
    // A deleted step nobody reached is not worth a mention.
    expect(summariseFunnel(funnel, ["start", "topic", "lookup", "to-support", "old-step"]).removedSteps).toBe(0);
  });

  it("has no shares to give for a range without conversations", () => {
    const empty = { ...funnel, conversations: 0, nodes: funnel.nodes.map((node) => ({ ...node, passed: 0, droppedOff: 0, escalated: 0 })) };
    expect(mapTraffic(empty, ["start"]).get("start")?.share).toBe(0);
  });

  it("reads the API's answer and refuses one of another shape", () => {
    expect(parseFunnelResponse({ ...funnel, flowId: "f1", nodes: funnel.nodes.map((node) => ({ ...node, kindLabel: "Start" })) })).toEqual(funnel);
    expect(parseFunnelResponse({ ...funnel, conversations: "200" })).toBeNull();
    expect(parseFunnelResponse({ ...funnel, nodes: [{ nodeId: "start", passed: -1, droppedOff: 0, escalated: 0, kind: "start" }] })).toBeNull();
    expect(parseFunnelResponse(null)).toBeNull();
  });
});
