import { describe, expect, it } from "vitest";
import { compileFlow, parseFlowDocument, runTurn, startConversation } from "~/flow";
import { createFakeEngines } from "../../support/fake-engines";
import { generateLargeFlow } from "../../support/large-flow";

// Behaviour only: how fast this compiles is measured by bench/compile.ts, not here.
describe("a 500-node flow", () => {
  it("compiles without errors and gives a machine that runs", async () => {
    const parsed = parseFlowDocument(generateLargeFlow(500));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    expect(parsed.document.nodes).toHaveLength(500);
    const { machine, diagnostics } = compileFlow(parsed.document);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const engines = createFakeEngines();
    const turn = await startConversation(machine, engines);
    expect(turn.status).toBe("bot");
    expect(turn.state.activeNodeId).toBe("b0_intent");
    const next = await runTurn(machine, engines, JSON.parse(JSON.stringify(turn.snapshot)), { type: "customer.message", text: "I want to track my order" });
    expect(next.events.some((event) => event.type === "intent.classified" && event.nodeId === "b0_intent")).toBe(true);
  });
});
