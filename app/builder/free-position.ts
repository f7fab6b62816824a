/**
 * The free spot nearest to where a new card is wanted: a card whose box, kept a gap away from
 * every other card's box, covers none of them. A QA pass found clicked steps landing on Start and
 * "Detect intent" (over Start's output handle): the old check compared top-left corners only,
 * 48 units apart, so a card 248 wide slid 48 to the right was "free". Boxes are React Flow's
 * measured sizes where it has them (cards grow with the analytics overlay), estimates otherwise.
 * Pure (boxes in, a point out) so it is unit-tested.
 */
import type { Size } from "./canvas-types";

export type Point = { x: number; y: number };
export type Box = Point & Size;

/** A card's size before React Flow has measured it (.node-card is 248 px wide). */
export const ESTIMATED_CARD: Size = { width: 248, height: 160 };
/** Room kept between the new card and the others, in flow units: handles and edges stay clear. */
export const CARD_GAP = 32;
/** The grid the search walks, in flow units: fine enough to land close, coarse enough to be quick. */
const STEP = 24;
/** How many rings of the grid are tried (~2,900 flow units across) before giving up on nearness. */
const RINGS = 60;

/** Whether two boxes come closer than `gap` to each other (touching at exactly `gap` is free). */
export function tooClose(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The grid points `ring` steps out from `centre` (a square ring), nearest first. */
function ringPoints(centre: Point, ring: number): Point[] {
  if (ring === 0) return [centre];
  const points: Point[] = [];
  for (let i = -ring; i <= ring; i += 1) {
    points.push({ x: centre.x + i * STEP, y: centre.y - ring * STEP }, { x: centre.x + i * STEP, y: centre.y + ring * STEP });
    if (i !== -ring && i !== ring) points.push({ x: centre.x - ring * STEP, y: centre.y + i * STEP }, { x: centre.x + ring * STEP, y: centre.y + i * STEP });
  }
  const distance = (point: Point) => Math.hypot(point.x - centre.x, point.y - centre.y);
  return points.sort((a, b) => distance(a) - distance(b));
}

/**
 * The top-left corner for a card of `size` nearest to `wanted` (its own top-left) where it keeps
 * `gap` from every box in `occupied`; `wanted` itself when that is free. Rings are searched
 * outwards, and within a ring the nearest point wins; past them, the card goes under them all.
 */
export function findFreePosition(wanted: Point, size: Size, occupied: readonly Box[], gap = CARD_GAP): Point {
  const isFree = (point: Point) => !occupied.some((box) => tooClose({ ...point, ...size }, box, gap));
  for (let ring = 0; ring <= RINGS; ring += 1) {
    const free = ringPoints(wanted, ring).find(isFree);
    if (free) return free;
  }
  const bottom = Math.max(...occupied.map((box) => box.y + box.height));
  return { x: wanted.x, y: bottom + gap };
}
