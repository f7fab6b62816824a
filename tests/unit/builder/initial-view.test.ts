/** What the editor opens on: the whole flow when it fits at a readable zoom, else its start and the steps after it. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickInitialView, READABLE_ZOOM, readableArea } from "~/builder/initial-view";
import type { FlowDocument } from "~/flow/document";
import { parseFlowDocument } from "~/flow/parse";

function starter(slug: string): FlowDocument {
  const parsed = parseFlowDocument(JSON.parse(fs.readFileSync(path.join(__dirname, `../../../flows/${slug}.json`), "utf8")));
  if (!parsed.ok) throw new Error(`flows/${slug}.json does not parse`);
  return parsed.document;
}

/** The flow-unit box of the given cards, at the unmeasured card size (248 × 160). */
function extent(document: FlowDocument, ids: string[]) {
  const nodes = document.nodes.filter((node) => ids.includes(node.id));
  const xs = nodes.map((node) => node.position.x);
  const ys = nodes.map((node) => node.position.y);
  return { width: Math.max(...xs) + 248 - Math.min(...xs), height: Math.max(...ys) + 160 - Math.min(...ys) };
}

// The canvas of a 1280×800 window (between the palette and the side panel) and of a 390 px phone.
const LAPTOP = { width: 724, height: 744 };
const PHONE = { width: 330, height: 400 };

describe("pickInitialView", () => {
  it.each(["store-support", "order-status", "refunds-and-returns"])("opens %s on its start and the step after it, within what the laptop canvas shows at the readable zoom", (slug) => {
    const document = starter(slug);
    const area = readableArea(LAPTOP);
    const picked = pickInitialView(document, area);
    const firstStep = document.edges.find((edge) => edge.source === "start")?.target;
    expect(picked[0]).toBe("start");
    expect(picked).toContain(firstStep);
    expect(picked.length).toBeLessThan(document.nodes.length);
    const box = extent(document, picked);
    expect(box.width).toBeLessThanOrEqual(area.width);
    expect(box.height).toBeLessThanOrEqual(area.height);
  });

  it("shows a flow whole when all of it fits at the readable zoom", () => {
    const document = starter("order-status");
    const small = { ...document, nodes: document.nodes.slice(0, 2), edges: document.edges.filter((edge) => edge.source === "start") };
    expect(pickInitialView(small, readableArea(LAPTOP))).toEqual(["start", "ask-order-id"]);
  });

  it("always keeps the start, even on a canvas narrower than two cards", () => {
    expect(pickInitialView(starter("store-support"), readableArea(PHONE))).toEqual(["start"]);
  });

  it("uses the measured card sizes when it has them", () => {
    const document = starter("order-status");
    // Cards measured taller than the canvas shows at the readable zoom leave room for nothing beside the start.
    const tall = (nodeId: string) => (nodeId === "start" || nodeId === "ask-order-id" ? { width: 248, height: 1400 } : undefined);
    const area = readableArea({ width: LAPTOP.width, height: 760 });
    expect(pickInitialView(document, area)).toContain("ask-order-id");
    expect(pickInitialView(document, area, tall)).toEqual(["start"]);
  });

  it("reads the area at the readable zoom, padding included", () => {
    const area = readableArea({ width: 800, height: 400 });
    expect(area.width * READABLE_ZOOM).toBeLessThan(800);
    expect(area.width * READABLE_ZOOM).toBeGreaterThan(700);
  });

  it("opens an empty flow on nothing", () => {
    expect(pickInitialView({ ...starter("order-status"), nodes: [], edges: [] }, readableArea(LAPTOP))).toEqual([]);
  });
});
