/**
 * Where the view goes after a step is added by a click: the new step must be in view (it may
 * land beside the selected one, under the edge of the canvas), and the step it was added after
 * should stay in view too. Centring on the new step alone left that one cut in half at the
 * canvas's left edge, so: when both fit at the current zoom, centre the pair; when they do not,
 * show the new step whole and push the other one wholly out of view rather than halve it.
 * Pure (flow coordinates in, the centre for React Flow's `setCenter` out) so it is unit-tested.
 */

export type Box = { x: number; y: number; width: number; height: number };
type Span = { start: number; end: number };

/** Room kept between a card and the canvas's edge, in screen pixels. */
export const VIEW_MARGIN = 24;

/** One axis: the centre of a view `length` long (flow units) that shows `added` and, if it can, `previous`. */
function centreOnAxis(added: Span, previous: Span | null, length: number, margin: number): number {
  const addedCentre = (added.start + added.end) / 2;
  if (!previous) return addedCentre;
  const start = Math.min(added.start, previous.start);
  const end = Math.max(added.end, previous.end);
  if (end - start + 2 * margin <= length) return (start + end) / 2;
  // They do not fit together: keep the new step whole and slide the other one wholly out of view.
  const half = length / 2;
  let centre = addedCentre;
  if (previous.start < centre - half && previous.end > centre - half) centre = previous.end + margin + half;
  else if (previous.start < centre + half && previous.end > centre + half) centre = previous.start - margin - half;
  // Never at the cost of the new step: clamp so it stays wholly in view.
  const lowest = added.end + margin - half;
  const highest = added.start - margin + half;
  return lowest <= highest ? Math.min(Math.max(centre, lowest), highest) : addedCentre;
}

/**
 * The flow-coordinate centre for the view after adding `added` after `previous` (null when it was
 * placed on its own), for a canvas of `view` screen pixels at `zoom`.
 */
export function centreAfterAdding(added: Box, previous: Box | null, view: { width: number; height: number }, zoom: number, margin = VIEW_MARGIN): { x: number; y: number } {
  const span = (box: Box, axis: "x" | "y"): Span =>
    axis === "x" ? { start: box.x, end: box.x + box.width } : { start: box.y, end: box.y + box.height };
  return {
    x: centreOnAxis(span(added, "x"), previous ? span(previous, "x") : null, view.width / zoom, margin / zoom),
    y: centreOnAxis(span(added, "y"), previous ? span(previous, "y") : null, view.height / zoom, margin / zoom),
  };
}
