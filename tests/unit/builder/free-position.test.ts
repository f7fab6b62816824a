/** Where a new card goes: the nearest spot to where it is wanted that keeps clear of every other card's box. */
import { describe, expect, it } from "vitest";
import { CARD_GAP, findFreePosition, tooClose, type Box } from "~/builder/free-position";

const CARD = { width: 248, height: 160 };
const at = (x: number, y: number, size = CARD): Box => ({ x, y, ...size });
const clearOfAll = (point: { x: number; y: number }, occupied: Box[]) => occupied.every((box) => !tooClose({ ...point, ...CARD }, box, CARD_GAP));

describe("tooClose", () => {
  it("counts boxes that overlap or come within the gap, not ones the gap apart", () => {
    expect(tooClose(at(0, 0), at(100, 50), 0)).toBe(true);
    expect(tooClose(at(0, 0), at(248 + 10, 0), 32)).toBe(true);
    expect(tooClose(at(0, 0), at(248 + 32, 0), 32)).toBe(false);
    expect(tooClose(at(0, 0), at(0, 160 + 32), 32)).toBe(false);
  });
});

describe("findFreePosition", () => {
  it("keeps the wanted spot when it is free", () => {
    expect(findFreePosition({ x: 500, y: 500 }, CARD, [at(0, 0)])).toEqual({ x: 500, y: 500 });
    expect(findFreePosition({ x: 10, y: 10 }, CARD, [])).toEqual({ x: 10, y: 10 });
  });

  it("moves a card off one it would cover, to a spot clear of it and close by", () => {
    const occupied = [at(0, 0)];
    const placed = findFreePosition({ x: 48, y: 48 }, CARD, occupied);
    expect(clearOfAll(placed, occupied)).toBe(true);
    // The nearest way out of a 248×160 card is down (160 + gap - 48), not across it.
    expect(Math.hypot(placed.x - 48, placed.y - 48)).toBeLessThanOrEqual(160 + CARD_GAP);
  });

  it("measures whole boxes, not corners: a card slid 48 to the right of another still covers it", () => {
    // What the old corner check let through: Start at 0,0 and the new card at 48,48 "did not overlap".
    const placed = findFreePosition({ x: 48, y: 0 }, CARD, [at(0, 0)]);
    expect(clearOfAll(placed, [at(0, 0)])).toBe(true);
  });

  it("takes the measured sizes: a card grown tall (the analytics overlay) pushes further", () => {
    const tall = at(0, 0, { width: 248, height: 400 });
    const placed = findFreePosition({ x: 0, y: 100 }, CARD, [tall]);
    expect(clearOfAll(placed, [tall])).toBe(true);
  });

  it("finds a gap between cards in a crowded row rather than piling onto them", () => {
    const row = [at(0, 0), at(340, 0), at(680, 0), at(1020, 0)];
    const placed = findFreePosition({ x: 300, y: 20 }, CARD, row);
    expect(clearOfAll(placed, row)).toBe(true);
  });

  it("puts the card under everything when nothing near is free", () => {
    const wall: Box[] = [at(-5000, -5000, { width: 10_000, height: 10_000 })];
    const placed = findFreePosition({ x: 0, y: 0 }, CARD, wall);
    expect(placed).toEqual({ x: 0, y: 5000 + CARD_GAP });
    expect(clearOfAll(placed, wall)).toBe(true);
  });
});
