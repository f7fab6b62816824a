import { describe, expect, it } from "vitest";
import { FLOW_LIMITS, parseFlowDocument } from "~/flow";
import { generateLargeFlow } from "../../support/large-flow";

describe("flow size limits", () => {
  it("accept a flow at the step limit", () => {
    const flow = generateLargeFlow(FLOW_LIMITS.steps);
    expect(flow.nodes).toHaveLength(1000);
    expect(parseFlowDocument(flow).ok).toBe(true);
  });

  it("refuse more steps than the limit, with one clear error and without parsing the rest", () => {
    const flow = generateLargeFlow(FLOW_LIMITS.steps + 1);
    // A broken node deep inside would be reported if the document were parsed.
    (flow.nodes[500] as { kind: string }).kind = "nonsense";
    expect(parseFlowDocument(flow)).toEqual({
      ok: false,
      errors: [{ path: "nodes", message: "This flow has 1,001 steps; a flow can have at most 1,000. Split it into smaller flows." }],
    });
  });

  it("refuse more connections than the limit", () => {
    const flow = generateLargeFlow(12);
    const edges = Array.from({ length: FLOW_LIMITS.edges + 1 }, (_, index) => ({ id: `x${index}`, source: "start", sourceHandle: "next", target: "end" }));
    const result = parseFlowDocument({ ...flow, edges });
    expect(result).toMatchObject({ ok: false, errors: [{ path: "edges", message: expect.stringMatching(/^This flow has 3,001 connections; a flow can have at most 3,000/) }] });
  });

  it("refuse a document over the JSON size limit, counting UTF-8 bytes", () => {
    const flow = generateLargeFlow(600);
    // 600 × 3,999 three-byte characters ≈ 7.2 MB of UTF-8 although each text is within its own limit.
    const padded = { ...flow, nodes: flow.nodes.map((node) => (node.kind === "message" ? { ...node, data: { text: "€".repeat(3999) } } : node)) };
    const result = parseFlowDocument(padded);
    expect(result).toMatchObject({ ok: false, errors: [{ path: "", message: expect.stringMatching(/kB of JSON; a flow can be at most 2,000 kB/) }] });
  });

  it("bound every list and text a step holds", () => {
    const flow = generateLargeFlow(12);
    const intent = flow.nodes.find((node) => node.kind === "intent") as { data: { intents: unknown[] } };
    intent.data.intents = Array.from({ length: 51 }, (_, index) => ({ name: `i${index}`, examples: ["x"] }));
    const collect = flow.nodes.find((node) => node.kind === "collect") as { data: Record<string, unknown> };
    collect.data.field = "f".repeat(65);
    const result = parseFlowDocument(flow);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.message}`);
    expect(problems).toEqual(expect.arrayContaining(["intents: Has too many items (at most 50).", "field: Must be at most 64 characters long."]));
  });
});
