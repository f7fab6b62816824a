/** Where a clicked or dropped step goes on a real starter: never over another card. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CARD_GAP, ESTIMATED_CARD, tooClose } from "~/builder/free-position";
import { cardBoxes, placeDroppedStep, placeNewStep, type SizeOf } from "~/builder/placement";
import type { FlowDocument } from "~/flow/document";
import { parseFlowDocument } from "~/flow/parse";

function starter(slug: string): FlowDocument {
  const parsed = parseFlowDocument(JSON.parse(fs.readFileSync(path.join(__dirname, `../../../flows/${slug}.json`), "utf8")));
  if (!parsed.ok) throw new Error(`flows/${slug}.json does not parse`);
  return parsed.document;
}

const unmeasured: SizeOf = () => undefined;
/** Cards as the analytics overlay draws them: a stats block makes each ~80 px taller. */
const withOverlay: SizeOf = () => ({ width: 248, height: 240 });

function coversNoCard(document: FlowDocument, position: { x: number; y: number }, sizeOf: SizeOf, gap = CARD_GAP) {
  return cardBoxes(document, sizeOf).every((box) => !tooClose({ ...position, ...ESTIMATED_CARD }, box, gap));
}

describe("placeNewStep", () => {
  const document = starter("store-support");
  const start = document.nodes.find((node) => node.id === "start")!;

  it("puts a step clicked with nothing selected near the view's centre, off the cards there (QA: it landed on Start and Detect intent)", () => {
    // The middle of the opening view: between Start and Detect intent.
    const centre = { x: start.position.x + 300, y: start.position.y + 60 };
    for (const sizeOf of [unmeasured, withOverlay]) {
      const { position, from } = placeNewStep(document, null, centre, sizeOf);
      expect(from).toBeNull();
      expect(coversNoCard(document, position, sizeOf)).toBe(true);
      expect(Math.hypot(position.x + ESTIMATED_CARD.width / 2 - centre.x, position.y + ESTIMATED_CARD.height / 2 - centre.y)).toBeLessThan(600);
    }
  });

  it("centres it on the view's centre when that spot is free", () => {
    const empty = { ...document, nodes: [], edges: [] };
    expect(placeNewStep(empty, null, { x: 1000, y: 1000 }, unmeasured).position).toEqual({ x: 1000 - 124, y: 1000 - 80 });
  });

  it("puts a step added after the selected one beside it, connected from its first free output, off other cards", () => {
    const { position, from } = placeNewStep(document, "start", { x: 0, y: 0 }, unmeasured);
    // Start's only output is taken (→ Detect intent): no connection, and Detect intent's spot is taken.
    expect(from).toBeNull();
    expect(coversNoCard(document, position, unmeasured)).toBe(true);

    const lone = { ...document, edges: document.edges.filter((edge) => edge.source !== "start") };
    const after = placeNewStep(lone, "start", { x: 0, y: 0 }, unmeasured);
    expect(after.from).toEqual({ source: "start", sourceHandle: "next" });
    expect(coversNoCard(lone, after.position, unmeasured)).toBe(true);
  });
});

describe("placeDroppedStep", () => {
  const document = starter("store-support");

  it("keeps a drop on free canvas exactly where it was dropped", () => {
    expect(placeDroppedStep(document, { x: -900, y: 2000 }, unmeasured)).toEqual({ x: -900, y: 2000 });
  });

  it("keeps a drop close beside a card, where the lead put it", () => {
    const start = document.nodes.find((node) => node.id === "start")!;
    const beside = { x: start.position.x - ESTIMATED_CARD.width - 10, y: start.position.y };
    expect(placeDroppedStep(document, beside, unmeasured)).toEqual(beside);
  });

  it("moves a drop onto a card to the nearest free spot", () => {
    const start = document.nodes.find((node) => node.id === "start")!;
    const dropped = placeDroppedStep(document, { x: start.position.x + 20, y: start.position.y + 20 }, unmeasured);
    expect(dropped).not.toEqual({ x: start.position.x + 20, y: start.position.y + 20 });
    expect(coversNoCard(document, dropped, unmeasured, 0)).toBe(true);
  });
});
