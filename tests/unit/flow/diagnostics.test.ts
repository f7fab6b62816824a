import { describe, expect, it } from "vitest";
import { compileFlow, type Diagnostic } from "~/flow";
import { buildFlow } from "./helpers";

const INTENTS = [
  { name: "order_status", examples: ["where is my order", "track my package", "order status please", "has my parcel shipped", "when will it arrive"] },
  { name: "refund", examples: ["I want a refund", "money back please", "refund my jacket", "return for a refund", "give me my money back"] },
];
type Nodes = Parameters<typeof buildFlow>[0];
type Edges = Parameters<typeof buildFlow>[1];

function diagnose(nodes: Nodes, edges: Edges, options: Parameters<typeof compileFlow>[1] = {}): Diagnostic[] {
  return compileFlow(buildFlow(nodes, edges), options).diagnostics;
}
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.severity}:${d.code}:${d.nodeId ?? ""}:${d.field ?? ""}`);

const minimal: Nodes = [["s", "start"], ["e", "end"]];

describe("diagnostics", () => {
  it("reports nothing for a clean flow", () => {
    expect(diagnose(minimal, [["s", "next", "e"]], { teams: ["support", "billing"] })).toEqual([]);
  });

  it("no start", () => {
    expect(codes(diagnose([["e", "end"]], []))).toEqual(["error:no-start::"]);
  });

  it("more than one start", () => {
    expect(codes(diagnose([...minimal, ["s2", "start"]], [["s", "next", "e"], ["s2", "next", "e"]]))).toEqual(["error:multiple-starts:s2:", "warning:unreachable-node:s2:"]);
  });

  it("unconnected required output, but not an output the node cannot take", () => {
    const kbWithoutFeedback: Nodes = [["s", "start"], ["k", "kb", { askFeedback: false }], ["e", "end"]];
    expect(codes(diagnose(kbWithoutFeedback, [["s", "next", "k"], ["k", "answered", "e"]]))).toEqual(["error:unconnected-output:k:notFound"]);
  });

  it("unreachable node", () => {
    expect(codes(diagnose([...minimal, ["m", "message", { text: "lost" }]], [["s", "next", "e"], ["m", "next", "e"]]))).toEqual(["warning:unreachable-node:m:"]);
  });

  it("edges to a missing node, from a missing node or from a missing output", () => {
    const result = diagnose(minimal, [["s", "next", "e"], ["s", "next", "ghost"], ["ghost", "next", "e"], ["s", "sideways", "e"]]);
    expect(codes(result)).toEqual(["error:edge-missing-target:s:next", "error:edge-missing-source::", "error:unknown-handle:s:sideways"]);
    expect(result.map((d) => d.edgeId)).toEqual(["e2", "e3", "e4"]);
  });

  it("two edges from one output", () => {
    expect(codes(diagnose([...minimal, ["e2", "end"]], [["s", "next", "e"], ["s", "next", "e2"]]))).toEqual(["error:duplicate-output:s:next", "warning:unreachable-node:e2:"]);
  });

  it("unknown team, on a node and in the settings", () => {
    const result = diagnose([["s", "start"], ["x", "escalate", { team: "sales" }]], [["s", "next", "x"]], { teams: ["support"] });
    expect(codes(result)).toEqual(["error:unknown-team:x:team", "error:unknown-team::settings.sensitive.team"]);
  });

  it("a loop that can repeat without waiting for the customer", () => {
    const nodes: Nodes = [["s", "start"], ["a", "message", { text: "a" }], ["k", "condition", { field: "x", operator: "exists" }], ["e", "end"]];
    const result = diagnose(nodes, [["s", "next", "a"], ["a", "next", "k"], ["k", "true", "e"], ["k", "false", "a"]], { knownFields: ["x"] });
    expect(codes(result)).toEqual(["error:loop-without-wait:a:", "error:loop-without-wait:k:"]);
    expect(result[0].message).toContain("a → k");
  });

  it("a loop through a node that waits is fine", () => {
    const nodes: Nodes = [["s", "start"], ["i", "intent", { intents: INTENTS }], ["m", "message", { text: "again?" }], ["e", "end"]];
    expect(diagnose(nodes, [["s", "next", "i"], ["i", "order_status", "e"], ["i", "refund", "e"], ["i", "unsure", "m"], ["m", "next", "i"]])).toEqual([]);
  });

  it("a collect node alone does not break a loop (it skips known fields)", () => {
    const nodes: Nodes = [["s", "start"], ["c", "collect", { field: "email", question: "Email?", type: "email" }], ["m", "message", { text: "again" }], ["e", "end"]];
    const result = diagnose(nodes, [["s", "next", "c"], ["c", "captured", "m"], ["c", "failed", "e"], ["m", "next", "c"]]);
    expect(codes(result)).toEqual(["error:loop-without-wait:c:", "error:loop-without-wait:m:"]);
  });

  it("intent with too few examples: fewer than 2 is an error, 2 to 4 a warning; no intents is an error", () => {
    const intents = [{ name: "a", examples: ["one"] }, { name: "b", examples: ["two", "three", "four", "five"] }];
    const nodes: Nodes = [["s", "start"], ["i", "intent", { intents }], ["e", "end"]];
    const result = diagnose(nodes, [["s", "next", "i"], ["i", "a", "e"], ["i", "b", "e"], ["i", "unsure", "e"]]);
    expect(codes(result)).toEqual(["error:too-few-examples:i:intents.0.examples", "warning:too-few-examples:i:intents.1.examples"]);
    const empty = diagnose([["s", "start"], ["i", "intent", { intents: [] }], ["e", "end"]], [["s", "next", "i"], ["i", "unsure", "e"]]);
    expect(codes(empty)).toEqual(["error:no-intents:i:intents"]);
  });

  it("invalid regex pattern, in a collect node and a condition", () => {
    const nodes: Nodes = [
      ["s", "start"],
      ["c", "collect", { field: "order_id", question: "Order?", type: "pattern", pattern: "(\\d{10}" }],
      ["k", "condition", { field: "order_id", operator: "matches", value: "[a-" }],
      ["e", "end"],
    ];
    const result = diagnose(nodes, [["s", "next", "c"], ["c", "captured", "k"], ["c", "failed", "e"], ["k", "true", "e"], ["k", "false", "e"]]);
    expect(codes(result)).toEqual(["error:invalid-pattern:c:pattern", "error:invalid-pattern:k:value"]);
  });

  it("a condition on a field never collected (unless the runtime provides it)", () => {
    const nodes: Nodes = [["s", "start"], ["k", "condition", { field: "tier", operator: "equals", value: "gold" }], ["e", "end"]];
    const edges: Edges = [["s", "next", "k"], ["k", "true", "e"], ["k", "false", "e"]];
    expect(codes(diagnose(nodes, edges))).toEqual(["warning:unknown-field:k:field"]);
    expect(diagnose(nodes, edges, { knownFields: ["tier"] })).toEqual([]);
  });

  it("an empty message, an empty question and a choice without choices", () => {
    const nodes: Nodes = [["s", "start"], ["m", "message", { text: "  " }], ["c", "collect", { field: "size", question: "", type: "choice", choices: ["S"] }], ["e", "end"]];
    const result = diagnose(nodes, [["s", "next", "m"], ["m", "next", "c"], ["c", "captured", "e"], ["c", "failed", "e"]]);
    expect(codes(result)).toEqual(["error:empty-message:m:text", "error:empty-message:c:question", "error:missing-choices:c:choices"]);
  });

  it("an escalate node without a team", () => {
    expect(codes(diagnose([["s", "start"], ["x", "escalate", { team: "" }]], [["s", "next", "x"]]))).toEqual(["error:missing-team:x:team"]);
  });

  it("every diagnostic has a plain-language message", () => {
    const result = diagnose([["e", "end"], ["m", "message", { text: "" }]], [["m", "next", "nowhere"]]);
    expect(result.length).toBeGreaterThan(2);
    for (const diagnostic of result) expect(diagnostic.message).toMatch(/^[A-Z"].{10,}/);
  });
});
