import { describe, expect, it } from "vitest";
import { centreAfterAdding, VIEW_MARGIN, type Box } from "~/builder/view-after-add";

/** What a canvas of `view` screen pixels centred at `centre` shows of `box`: whole, cut or none. */
function seen(box: Box, centre: { x: number; y: number }, view: { width: number; height: number }, zoom: number) {
  const left = centre.x - view.width / zoom / 2;
  const right = centre.x + view.width / zoom / 2;
  const top = centre.y - view.height / zoom / 2;
  const bottom = centre.y + view.height / zoom / 2;
  const outside = box.x + box.width <= left || box.x >= right || box.y + box.height <= top || box.y >= bottom;
  if (outside) return "none";
  const whole = box.x >= left && box.x + box.width <= right && box.y >= top && box.y + box.height <= bottom;
  return whole ? "whole" : "cut";
}

// The canvas at 1280 px: 1280 minus the palette (216) and the side panel (340).
const view = { width: 724, height: 700 };
const previous: Box = { x: 0, y: 0, width: 248, height: 120 };
// placement.ts puts a clicked step one column (340) to the right of the selected one.
const added: Box = { x: 340, y: 0, width: 248, height: 120 };

describe("the view after a step is added by a click", () => {
  it("keeps the step it was added after whole beside the new one when both fit", () => {
    const centre = centreAfterAdding(added, previous, view, 1);
    expect(seen(added, centre, view, 1)).toBe("whole");
    expect(seen(previous, centre, view, 1)).toBe("whole");
    // Centring on the new step alone (what it did) cut the previous one at the left edge.
    expect(seen(previous, { x: added.x + 124, y: 60 }, view, 1)).toBe("cut");
  });

  it("when they do not fit together, shows the new step whole and never half a card", () => {
    for (const zoom of [1.4, 1.8, 2]) {
      const centre = centreAfterAdding(added, previous, view, zoom);
      expect(seen(added, centre, view, zoom)).toBe("whole");
      expect(seen(previous, centre, view, zoom)).not.toBe("cut");
    }
  });

  it("handles a step added on a lower row (a later output) and to the left", () => {
    const lower: Box = { x: 340, y: 320, width: 248, height: 120 };
    const centre = centreAfterAdding(lower, previous, view, 1);
    expect(seen(lower, centre, view, 1)).toBe("whole");
    expect(seen(previous, centre, view, 1)).toBe("whole");
    const leftOf: Box = { x: -340, y: 0, width: 248, height: 120 };
    const zoomed = centreAfterAdding(leftOf, previous, view, 1.6);
    expect(seen(leftOf, zoomed, view, 1.6)).toBe("whole");
    expect(seen(previous, zoomed, view, 1.6)).not.toBe("cut");
  });

  it("keeps the margin from the canvas's edge and centres a step placed on its own", () => {
    const centre = centreAfterAdding(added, previous, view, 1);
    expect(previous.x - (centre.x - view.width / 2)).toBeGreaterThanOrEqual(VIEW_MARGIN);
    expect(centreAfterAdding(added, null, view, 1)).toEqual({ x: 464, y: 60 });
  });
});
