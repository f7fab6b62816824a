/**
 * Document ↔ canvas: the canvas shows every node where the document puts it with one handle
 * per output; canvas edits come back as document edits that keep ids, order and untouched
 * nodes as they were, so an exported file only changes where the person changed something.
 */
import fs from "node:fs";
import path from "node:path";
import type { NodeChange } from "reactflow";
import { describe, expect, it } from "vitest";
import { EMPTY_SELECTION } from "~/builder/canvas-types";
import { copySelection, pasteClipboard } from "~/builder/clipboard";
import { addNode, connect, disconnect, moveNodes, removeElements, updateNodeData } from "~/builder/document-ops";
import { createHistory, historyReducer } from "~/builder/history";
import { applySelectionChanges, createEdgeMapper, createNodeMapper, summariseNodeChanges, toCanvasNode, type CanvasView } from "~/builder/mapping";
import { parseFlowDocument, stringifyFlowDocument } from "~/flow/parse";
import type { FlowDocument, FlowNodeOf } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";

function loadStarter(): FlowDocument {
  const text = fs.readFileSync(path.resolve(__dirname, "../../../flows/store-support.json"), "utf8");
  const parsed = parseFlowDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error("starter flow does not parse");
  return parsed.document;
}

const view = (overrides: Partial<CanvasView> = {}): CanvasView => ({
  selection: EMPTY_SELECTION,
  sizes: new Map(),
  issues: new Map(),
  preview: { active: null, visited: new Set() },
  traffic: null,
  ...overrides,
});

describe("document → canvas", () => {
  it("shows every node at its position, typed by its kind, and every edge on its output handle", () => {
    const document = loadStarter();
    const nodes = createNodeMapper()(document, view());
    const edges = createEdgeMapper()(document, view());
    expect(nodes.map((node) => [node.id, node.type, node.position])).toEqual(document.nodes.map((node) => [node.id, node.kind, node.position]));
    expect(edges.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target])).toEqual(document.edges.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target]));
    // Every edge leaves a handle the source's card draws.
    const byId = new Map(document.nodes.map((node) => [node.id, node]));
    for (const edge of document.edges) {
      const source = byId.get(edge.source)!;
      expect(getNodeKind(source.kind).handles(source.data).map((handle) => handle.id)).toContain(edge.sourceHandle);
    }
  });

  it("gives an intent card one handle per intent plus “Not sure”, following the intents as they change", () => {
    const document = loadStarter();
    const topic = document.nodes.find((node) => node.id === "topic") as FlowNodeOf<"intent">;
    const handles = (data: FlowNodeOf<"intent">["data"]) => getNodeKind("intent").handles(data).map((handle) => handle.id);
    expect(handles(topic.data)).toEqual([...topic.data.intents.map((intent) => intent.name), "unsure"]);
    const renamed = updateNodeData(document, "topic", { ...topic.data, intents: topic.data.intents.map((intent, index) => (index === 0 ? { ...intent, name: "where_is_my_order" } : intent)) });
    const node = renamed.nodes.find((candidate) => candidate.id === "topic") as FlowNodeOf<"intent">;
    expect(handles(node.data)[0]).toBe("where_is_my_order");
    // The edge of the renamed intent follows it, under the same id.
    const before = document.edges.find((edge) => edge.source === "topic" && edge.sourceHandle === topic.data.intents[0].name)!;
    expect(renamed.edges.find((edge) => edge.id === before.id)).toEqual({ ...before, sourceHandle: "where_is_my_order" });
    // Deleting an intent removes only its own connection.
    const removed = updateNodeData(document, "topic", { ...topic.data, intents: topic.data.intents.slice(1) });
    expect(removed.edges.filter((edge) => edge.source === "topic").map((edge) => edge.sourceHandle).sort()).toEqual(
      document.edges.filter((edge) => edge.source === "topic" && edge.sourceHandle !== topic.data.intents[0].name).map((edge) => edge.sourceHandle).sort(),
    );
  });

  it("marks selection, problems and the preview's path, and keeps measured sizes", () => {
    const document = loadStarter();
    const node = toCanvasNode(document.nodes[0], view({
      selection: { nodes: new Set([document.nodes[0].id]), edges: new Set() },
      sizes: new Map([[document.nodes[0].id, { width: 248, height: 120 }]]),
      issues: new Map([[document.nodes[0].id, [{ severity: "error", message: "Connect it" }]]]),
      preview: { active: document.nodes[0].id, visited: new Set() },
      traffic: new Map([[document.nodes[0].id, { passed: 12, droppedOff: 1, escalated: 2, share: 1, apiCalls: 0, apiFailures: 0, unpublished: false }]]),
    }));
    expect(node).toMatchObject({ selected: true, width: 248, height: 120, data: { issues: [{ severity: "error", message: "Connect it" }], preview: "active", traffic: { passed: 12, droppedOff: 1, escalated: 2 } } });
    expect(toCanvasNode(document.nodes[0], view()).data.traffic).toBeNull();
  });

  it("re-creates only the cards whose node changed (the same objects for the rest)", () => {
    const document = loadStarter();
    const map = createNodeMapper();
    const first = map(document, view());
    const moved = moveNodes(document, new Map([["topic", { x: 999.4, y: 10.6 }]]));
    const second = map(moved, view());
    second.forEach((node, index) => {
      if (node.id === "topic") expect(node).not.toBe(first[index]);
      else expect(node).toBe(first[index]);
    });
    expect(second.find((node) => node.id === "topic")?.position).toEqual({ x: 999, y: 11 });
  });

  it("hands React Flow the very same arrays when nothing it shows changed", () => {
    const document = loadStarter();
    const mapNodes = createNodeMapper();
    const mapEdges = createEdgeMapper();
    const nodes = mapNodes(document, view());
    const edges = mapEdges(document, view());
    // Typing into a step: a new document with new node data, the same edges.
    const typed = updateNodeData(document, "start", { greeting: "Hello there" });
    expect(mapEdges(typed, view())).toBe(edges);
    const retyped = mapNodes(typed, view());
    expect(retyped).not.toBe(nodes);
    // Diagnostics recomputed to the same problems (a new map, equal content): nothing to redraw.
    expect(mapNodes(typed, view({ issues: new Map() }))).toBe(retyped);
  });
});

describe("canvas → document", () => {
  it("round-trips without changing a byte of the export", () => {
    const document = loadStarter();
    const nodes = createNodeMapper()(document, view());
    const positions = new Map(nodes.map((node) => [node.id, node.position]));
    expect(stringifyFlowDocument(moveNodes(document, positions))).toBe(stringifyFlowDocument(document));
    expect(moveNodes(document, positions)).toBe(document);
  });

  it("moves a dragged node, keeping every id and the order of nodes and edges", () => {
    const document = loadStarter();
    const changes: NodeChange[] = [{ type: "position", id: "start", position: { x: -40.2, y: 300.7 }, dragging: true }];
    const summary = summariseNodeChanges(changes);
    expect(summary.dragging).toBe(true);
    const moved = moveNodes(document, summary.positions);
    expect(moved.nodes.map((node) => node.id)).toEqual(document.nodes.map((node) => node.id));
    expect(moved.nodes[0].position).toEqual({ x: -40, y: 301 });
    expect(moved.edges).toBe(document.edges);
    const exported = JSON.parse(stringifyFlowDocument(moved));
    expect(exported.nodes.slice(1)).toEqual(JSON.parse(stringifyFlowDocument(document)).nodes.slice(1));
  });

  it("connects an output to one target: reconnecting replaces the edge in place under its id", () => {
    const document = addNode(addNode({ ...loadStarter(), nodes: [], edges: [] }, "start", { x: 0, y: 0 }), "message", { x: 300, y: 0 });
    const withEnd = addNode(document, "end", { x: 600, y: 0 });
    expect(withEnd.nodes.map((node) => node.id)).toEqual(["start", "message", "end"]);
    const first = connect(withEnd, { source: "start", sourceHandle: "next", target: "message" });
    expect(first.edges).toEqual([{ id: "start-next", source: "start", sourceHandle: "next", target: "message" }]);
    const second = connect(first, { source: "start", sourceHandle: "next", target: "end" });
    expect(second.edges).toEqual([{ id: "start-next", source: "start", sourceHandle: "next", target: "end" }]);
    expect(connect(second, { source: "start", sourceHandle: "next", target: "end" })).toBe(second);
  });

  it("disconnects one output (the side panel's \"Not connected\"), leaving every other edge, and is no edit when nothing leaves it", () => {
    const document = loadStarter();
    const cut = disconnect(document, "topic", "refund");
    expect(cut.edges.filter((edge) => edge.source === "topic").map((edge) => edge.sourceHandle)).toEqual(["order_status", "shipping_info", "account_access", "unsure"]);
    expect(cut.edges).toHaveLength(document.edges.length - 1);
    expect(disconnect(cut, "topic", "refund")).toBe(cut);
  });

  it("deletes a node with its connections, and nothing else", () => {
    const document = loadStarter();
    const removed = removeElements(document, new Set(["topic"]));
    expect(removed.nodes.map((node) => node.id)).toEqual(document.nodes.filter((node) => node.id !== "topic").map((node) => node.id));
    expect(removed.edges).toEqual(document.edges.filter((edge) => edge.source !== "topic" && edge.target !== "topic"));
  });

  it("applies selection changes from the canvas", () => {
    const selected = applySelectionChanges(new Set(["a"]), new Map([["a", false], ["b", true]]));
    expect([...selected]).toEqual(["b"]);
    const same = new Set(["a"]);
    expect(applySelectionChanges(same, new Map([["a", true]]))).toBe(same);
  });
});

describe("copy, paste and undo", () => {
  it("pastes copies with fresh readable ids, their inner edges, offset from the originals", () => {
    const document = loadStarter();
    const content = copySelection(document, new Set(["start", "topic"]))!;
    expect(content.edges.map((edge) => [edge.source, edge.target])).toEqual([["start", "topic"]]);
    const { document: pasted, pastedIds } = pasteClipboard(document, content, 40);
    expect(pastedIds).toEqual(["start-2", "intent"]);
    const copyOfStart = pasted.nodes.find((node) => node.id === "start-2")!;
    expect(copyOfStart.position).toEqual({ x: document.nodes[0].position.x + 40, y: document.nodes[0].position.y + 40 });
    expect(pasted.edges.at(-1)).toEqual({ id: "start-2-next", source: "start-2", sourceHandle: "next", target: "intent" });
    expect(parseFlowDocument(JSON.parse(stringifyFlowDocument(pasted))).ok).toBe(true);
  });

  it("undoes a burst of typing in one step and redoes it", () => {
    const start = loadStarter();
    let history = createHistory(start);
    const type = (text: string, at: number) => {
      history = historyReducer(history, { type: "change", edit: (document) => ({ ...document, name: text }), coalesce: "flow-name", at });
    };
    type("S", 0);
    type("St", 300);
    type("Sto", 600);
    expect(history.past).toHaveLength(1);
    type("Stop", 5_000);
    expect(history.past).toHaveLength(2);
    history = historyReducer(history, { type: "undo" });
    expect(history.present.name).toBe("Sto");
    history = historyReducer(history, { type: "undo" });
    expect(history.present).toBe(start);
    history = historyReducer(history, { type: "redo" });
    expect(history.present.name).toBe("Sto");
  });

  it("keeps a slow drag as one undo step (sticky key)", () => {
    const start = loadStarter();
    let history = createHistory(start);
    for (const [x, at] of [[10, 0], [20, 2_000], [30, 9_000]]) {
      history = historyReducer(history, { type: "change", edit: (document) => moveNodes(document, new Map([["start", { x, y: 0 }]])), coalesce: "drag:1", sticky: true, at });
    }
    expect(history.past).toEqual([start]);
  });
});
