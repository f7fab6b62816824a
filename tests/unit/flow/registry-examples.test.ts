/**
 * Every kind in the registry carries a working example (`example()`) and the demo customer's
 * replies (`demo.reply`): a flow around each example compiles without errors and a scripted
 * conversation through it reaches an end or a handoff, with the real flow engine. This is the
 * coverage check for kinds (a new kind needs no starter flow): adding a kind to
 * app/nodes/kind-list.ts adds its case here.
 */
import { describe, expect, it } from "vitest";
import { compileFlow, getNodeKind, NODE_KINDS, parseFlowDocument, type NodeKind } from "~/flow";
import { converse } from "~/workspace/demo-history/converse";
import { createScriptedEngines } from "~/workspace/demo-history/engines";
import { createRandom } from "~/workspace/demo-history/random";
import { rawFlow } from "./helpers";

const ARTICLES = [{ id: "a1", slug: "delivery-times", title: "Delivery times", tags: [], excerpt: "Standard delivery takes 3-5 business days." }];

/** Start → the kind's example → every output of it to an end step (a Start example is the start itself). */
function exampleFlow(kind: NodeKind) {
  const definition = getNodeKind(kind);
  const data = definition.example() as Record<string, unknown>;
  const outputs = definition.handles(data).map((handle) => handle.id);
  const end = getNodeKind("end").example() as Record<string, unknown>;
  if (definition.role === "entry") return rawFlow([["n", kind, data], ["e", "end", end]], outputs.map((handle) => ["n", handle, "e"] as [string, string, string]));
  return rawFlow(
    [["s", "start", {}], ["n", kind, data], ["e", "end", end]],
    [["s", "next", "n"], ...outputs.map((handle) => ["n", handle, "e"] as [string, string, string])],
  );
}

function seedOf(kind: string): number {
  return [...kind].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
}

describe("every kind's example", () => {
  it.each(NODE_KINDS.map((kind) => [kind]))("%s: compiles without errors and a scripted customer gets through it", async (kind) => {
    const parsed = parseFlowDocument(exampleFlow(kind));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { machine, diagnostics } = compileFlow(parsed.document, { teams: ["support", "billing"] });
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const random = createRandom(seedOf(kind));
    const run = await converse({ document: parsed.document, machine, engines: createScriptedEngines(random, ARTICLES), random, customer: { name: "Maya Lopez", email: "maya@example.com" }, startAt: 0, cooperative: true });
    expect(run.events.filter((event) => event.type === "node.entered").map((event) => event.nodeId)).toContain("n");
    expect(run.outcome.kind).not.toBe("abandoned");
  });
});
