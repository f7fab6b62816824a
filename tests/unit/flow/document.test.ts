import { describe, expect, it } from "vitest";
import { formatFlowParseError, parseFlowDocument, stringifyFlowDocument } from "~/flow";
import { rawFlow } from "./helpers";

const valid = () =>
  rawFlow(
    [
      ["s", "start", { greeting: "Hi!" }],
      ["c", "collect", { field: "email", question: "Email?", type: "email" }],
      ["e", "end", {}],
    ],
    [["s", "next", "c"], ["c", "captured", "e"], ["c", "failed", "e"]],
  );

describe("parseFlowDocument", () => {
  it("accepts the public format and fills defaults", () => {
    const result = parseFlowDocument(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const collect = result.document.nodes[1];
    expect(collect.kind === "collect" && collect.data).toEqual({ field: "email", question: "Email?", type: "email", pattern: "", choices: [], retries: 2 });
  });

  it("lists every error at once, with node id and field in plain language", () => {
    const doc = JSON.parse(JSON.stringify(valid())); // untyped JSON, as another tool would write it
    doc.slug = "Store Support";
    delete doc.settings.defaultTeam;
    doc.nodes[0].data.greeting = 42;
    doc.nodes[1].data.type = "postcode";
    doc.nodes[1].data.retries = 9;
    doc.nodes.push({ id: "z", kind: "teleport", position: { x: 0, y: 0 }, data: {} });
    doc.edges[0].sourceHandle = "";
    const result = parseFlowDocument(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "slug", field: "slug", message: "Use lower-case words joined by - (e.g. store-support)." },
      { path: "settings.defaultTeam", field: "settings.defaultTeam", message: "This field is required." },
      { path: "nodes[0].data.greeting", nodeId: "s", field: "greeting", message: "Must be text, not a number." },
      { path: "nodes[1].data.type", nodeId: "c", field: "type", message: "Must be one of: text, email, phone, number, pattern, choice, date." },
      { path: "nodes[1].data.retries", nodeId: "c", field: "retries", message: "Must be at most 5." },
      { path: "nodes[3].kind", nodeId: "z", field: "kind", message: 'Unknown node kind "teleport". Use one of: start, message, intent, collect, kb, gate, condition, escalate, end.' },
      { path: "edges[0].sourceHandle", edgeId: "e1", field: "sourceHandle", message: "Must not be empty." },
    ]);
    expect(formatFlowParseError(result.errors[2])).toBe("nodes[0].data.greeting (node s): Must be text, not a number.");
  });

  it("rejects unknown fields everywhere instead of dropping them", () => {
    const doc = JSON.parse(JSON.stringify(valid())); // untyped JSON, as another tool would write it
    doc.owner = "me";
    doc.settings.humanRequest.channel = "email";
    doc.nodes[1].colour = "red";
    doc.nodes[1].data.placeholder = "you@example.com";
    doc.nodes[1].position.z = 1;
    doc.edges[1].label = "ok";
    const result = parseFlowDocument(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.nodeId ?? e.edgeId ?? null, e.message])).toEqual([
      ["settings.humanRequest.channel", null, 'Unknown field "channel".'],
      ["nodes[1].position.z", "c", 'Unknown field "z".'],
      ["nodes[1].data.placeholder", "c", 'Unknown field "placeholder".'],
      ["nodes[1].colour", "c", 'Unknown field "colour".'],
      ["edges[1].label", "e2", 'Unknown field "label".'],
      ["owner", null, 'Unknown field "owner".'],
    ]);
  });

  it("rejects duplicate node and edge ids, bad node ids, reserved and duplicate intent names", () => {
    const doc = JSON.parse(JSON.stringify(valid())); // untyped JSON, as another tool would write it
    doc.nodes.push({ id: "s", kind: "message", position: { x: 0, y: 0 }, data: { text: "x" } });
    doc.nodes.push({ id: "bad.id", kind: "message", position: { x: 0, y: 0 }, data: { text: "x" } });
    doc.nodes.push({ id: "i", kind: "intent", position: { x: 0, y: 0 }, data: { intents: [{ name: "unsure", examples: [] }, { name: "a", examples: [] }, { name: "a", examples: [] }] } });
    doc.edges.push({ ...doc.edges[0] });
    const result = parseFlowDocument(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "nodes[4].id: Use letters, digits, - and _ only (e.g. ask-email).",
      'nodes[5].data.intents[0].name: "unsure" is reserved for messages the bot does not understand.',
      'nodes[5].data.intents[2].name: Two intents are named "a": names must be unique.',
      'nodes[3].id: Another node already has the id "s".',
      'edges[3].id: Another edge already has the id "e1".',
    ]);
  });

  it("rejects what is not a flow at all", () => {
    for (const input of [null, "flow", [], { schemaVersion: 2 }]) {
      const result = parseFlowDocument(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }
  });
});

describe("stringifyFlowDocument", () => {
  it("writes a fixed key order whatever the input order, 2-space indented with a trailing newline", () => {
    const parsed = parseFlowDocument(valid());
    if (!parsed.ok) throw new Error("invalid");
    const shuffle = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shuffle)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffle(v)]))
          : value;
    const reparsed = parseFlowDocument(shuffle(parsed.document));
    if (!reparsed.ok) throw new Error("invalid");
    const text = stringifyFlowDocument(parsed.document);
    expect(stringifyFlowDocument(reparsed.document)).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "schemaVersion": 1,');
    expect(Object.keys(JSON.parse(text))).toEqual(["schemaVersion", "name", "slug", "settings", "nodes", "edges"]);
    expect(Object.keys(JSON.parse(text).nodes[1])).toEqual(["id", "kind", "position", "data"]);
    expect(Object.keys(JSON.parse(text).nodes[1].data)).toEqual(["field", "question", "type", "pattern", "choices", "retries"]);
  });

  it("round-trips: parse(stringify(doc)) is the same document", () => {
    const parsed = parseFlowDocument({ ...valid(), id: "flow_1" });
    if (!parsed.ok) throw new Error("invalid");
    const again = parseFlowDocument(JSON.parse(stringifyFlowDocument(parsed.document)));
    expect(again).toEqual(parsed);
    expect(Object.keys(JSON.parse(stringifyFlowDocument(parsed.document)))[1]).toBe("id");
  });
});
