import { describe, expect, it } from "vitest";
import { diagnoseUnparsedFlow, parseFlowDocument, type Diagnostic } from "~/flow";
import { describeJsonError } from "~/cli/flows";
import { buildFlow } from "./helpers";

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}:${d.nodeId ?? d.edgeId ?? ""}:${d.field ?? ""}`);

/** A valid flow as plain JSON, to break in one place. */
function flowJson(): { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>>; settings: Record<string, unknown> } {
  const document = buildFlow(
    [["s", "start"], ["m", "message", { text: "Hi {{name}}" }], ["c", "collect", { field: "name", question: "Name?" }], ["x", "escalate", { team: "support" }], ["e", "end"]],
    [["s", "next", "c"], ["c", "captured", "m"], ["c", "failed", "x"], ["m", "next", "e"]],
  );
  return JSON.parse(JSON.stringify(document));
}

describe("diagnostics of a document that does not parse", () => {
  it("reports the checks of the parts that parse next to the schema errors", () => {
    const json = flowJson();
    json.nodes[1].data = { text: 42 }; // m: schema error
    (json.nodes[3].data as Record<string, unknown>).team = "legal"; // x: valid shape, unknown team
    json.edges.push({ id: "to-nowhere", source: "e", sourceHandle: "next", target: "ghost" });
    expect(parseFlowDocument(json).ok).toBe(false);
    expect(codes(diagnoseUnparsedFlow(json, { teams: ["support", "billing"] }))).toEqual(["unknown-handle:e:next", "unknown-team:x:team"]);
  });

  it("says nothing about a node that did not parse, its connections, or whole-graph checks it could skew", () => {
    const json = flowJson();
    json.nodes[2] = { id: "c", kind: "collect", position: { x: 0, y: 0 }, data: { field: "name", type: "telepathy" } };
    json.nodes.push({ id: "mystery", kind: "teleport", position: { x: 0, y: 0 }, data: {} });
    json.edges.push({ id: "m-to-mystery", source: "mystery", sourceHandle: "next", target: "e" });
    // c's outputs are unknown now; nothing says "unreachable" about m, e or x, nor "never collected" about {{name}}.
    expect(diagnoseUnparsedFlow(json, { teams: ["support", "billing"] })).toEqual([]);
  });

  it("does not call an output unconnected when its connection is what failed to parse", () => {
    const json = flowJson();
    json.edges[3] = { id: "bad", source: "m", sourceHandle: "next", target: "" };
    expect(diagnoseUnparsedFlow(json)).toEqual([]);
  });

  it("leaves out team checks of settings that did not parse, and gives up on what is not an object", () => {
    const json = flowJson();
    json.settings.defaultTeam = "Not A Slug";
    expect(codes(diagnoseUnparsedFlow(json, { teams: ["support", "billing"] }))).toEqual([]);
    expect(diagnoseUnparsedFlow([1, 2, 3])).toEqual([]);
    expect(diagnoseUnparsedFlow("flow")).toEqual([]);
  });
});

describe("describeJsonError", () => {
  it("adds the line and column of the position JSON.parse names", () => {
    const text = '{\n  "a": 1,\n  nope\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (caught) {
      error = caught;
    }
    expect(describeJsonError(text, error)).toMatch(/ \(line 3, column 3\)$/);
  });
});
