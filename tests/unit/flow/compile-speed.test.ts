import { describe, expect, it } from "vitest";
import { compileFlow, parseFlowDocument, startConversation } from "~/flow";
import { createFakeEngines } from "../../support/fake-engines";
import { generateLargeFlow } from "../../support/large-flow";

// A loose sanity bound only (shared CI cores are noisy); the real figure is bench/compile.ts.
describe("compiling a 500-node flow", () => {
  it("is fast, error-free and gives a machine that runs", async () => {
    const parsed = parseFlowDocument(generateLargeFlow(500));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    expect(parsed.document.nodes).toHaveLength(500);
    compileFlow(parsed.document);
    const started = performance.now();
    const { machine, diagnostics } = compileFlow(parsed.document);
    const elapsed = performance.now() - started;
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(elapsed).toBeLessThan(500);
    const turn = await startConversation(machine, createFakeEngines());
    expect(turn.state.activeNodeId).toBe("b0_intent");
  });
});
