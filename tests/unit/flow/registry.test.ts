import { describe, expect, it } from "vitest";
import { compileFlow, detectSensitive, getNodeKind, isHumanRequest, NODE_KINDS, nodeRegistry, parseFlowDocument, runTurn, startConversation } from "~/flow";
import { extractFromMessage } from "~/nodes/collect/extract";
import { validateAnswer } from "~/nodes/collect/validate";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, rawFlow } from "./helpers";

const ORIGINAL_KINDS = new Set(["start", "message", "intent", "collect", "choice", "kb", "gate", "condition", "language", "set", "http", "escalate", "end"]);
/** Kinds added after these tests were written: their own examples cover them (registry-examples.test.ts). */
const ADDED_KINDS = new Set(NODE_KINDS.filter((kind) => !ORIGINAL_KINDS.has(kind)));

describe("node registry", () => {
  it("describes every kind in plain language for the palette", () => {
    expect(Object.keys(nodeRegistry).sort()).toEqual([...NODE_KINDS].sort());
    expect(NODE_KINDS.filter((kind) => ORIGINAL_KINDS.has(kind))).toHaveLength(ORIGINAL_KINDS.size);
    const labels = NODE_KINDS.map((kind) => nodeRegistry[kind].label);
    // In palette order (the kinds' paletteOrder); a new kind may sit anywhere in between.
    const known = ["Start", "Send a message", "Detect intent", "Ask for information", "Offer choices", "Answer from knowledge base", "Check confidence", "Check a field", "Detect language", "Set a field", "Call an API", "Hand off to a team", "End conversation"];
    expect(labels.filter((label) => known.includes(label))).toEqual(known);
    expect(new Set(labels).size).toBe(labels.length);
    for (const kind of NODE_KINDS) {
      const definition = getNodeKind(kind);
      expect(definition.description.length).toBeGreaterThan(20);
      expect(definition.icon).not.toBe("");
      expect(definition.color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("gives every kind default data that its own schema accepts, inside a valid document", () => {
    const nodes = NODE_KINDS.map((kind, index) => ({ id: `n${index}`, kind, position: { x: index * 200, y: 0 }, data: nodeRegistry[kind].createData() }));
    const parsed = parseFlowDocument({ ...rawFlow([], []), nodes });
    expect(parsed.ok).toBe(true);
  });

  it("derives intent handles from the intents, plus unsure", () => {
    const handles = nodeRegistry.intent.handles({ threshold: 0.5, offerChoices: false, intents: [{ name: "order_status", examples: [] }, { name: "refund", examples: [] }] });
    expect(handles.map((h) => [h.id, Boolean(h.failure)])).toEqual([["order_status", false], ["refund", false], ["unsure", true]]);
  });

  it("marks the failure outcomes counted by the repeated-failure trigger", () => {
    const failures = NODE_KINDS.filter((kind) => !ADDED_KINDS.has(kind)).flatMap((kind) =>
      nodeRegistry[kind].handles(nodeRegistry[kind].createData() as never).filter((h) => h.failure).map((h) => `${kind}.${h.id}`),
    );
    expect(failures).toEqual(["intent.unsure", "collect.failed", "choice.other", "kb.notFound", "kb.notHelpful"]);
  });
});

describe("robustness", () => {
  // A rule with catastrophic backtracking would hang here past the test timeout (no timing asserted).
  it("answers every text rule on a hostile 4000-character message", () => {
    const long = `${"a".repeat(1000)}@${"b.".repeat(1000)}${" 12345".repeat(300)}`.slice(0, 4000);
    expect(isHumanRequest(long)).toBe(false);
    expect(detectSensitive(long, ["chargeback"])).toBeNull();
    for (const type of ["email", "phone", "number", "date", "choice", "pattern"] as const) {
      const spec = { field: "x", type, pattern: "\\b\\d{10}\\b", choices: ["Yes", "No"] };
      // Nothing in it is a value of any type: no extraction, and as an answer it is refused.
      expect(extractFromMessage(long, spec)).toBeNull();
      expect(validateAnswer(long, spec).ok).toBe(false);
    }
  });

  it("keeps script tags and control characters as inert text", async () => {
    const doc = buildFlow([["s", "start", { greeting: "" }], ["c", "collect", { field: "note", question: "Note?", type: "text" }], ["m", "message", { text: "You said: {{note}}" }], ["e", "end"]], [["s", "next", "c"], ["c", "captured", "m"], ["c", "failed", "e"], ["m", "next", "e"]]);
    const { machine } = compileFlow(doc);
    const engines = createFakeEngines();
    const start = await startConversation(machine, engines);
    const result = await runTurn(machine, engines, start.snapshot, { type: "customer.message", text: "<script>alert(1)</script>\u0007" });
    expect(result.messages[0].text).toBe("You said: <script>alert(1)</script>\u0007");
  });

  it("a draft escalate node without a team hands off to the default team; errors use it too", async () => {
    const doc = buildFlow([["s", "start"], ["x", "escalate", { team: "" }]], [["s", "next", "x"]], { defaultTeam: "billing" });
    const { machine } = compileFlow(doc);
    const engines = createFakeEngines();
    expect((await startConversation(machine, engines)).handoff?.team).toBe("billing");
    const broken = await runTurn(machine, engines, "not a snapshot", { type: "customer.message", text: "hi" });
    expect(broken.handoff).toMatchObject({ team: "billing", trigger: "error" });
  });
});
