import { describe, expect, it, vi } from "vitest";
import { HANDOFF_TRIGGER_LABELS } from "~/vocabulary/handoff-triggers";
import { axisWidthFor, fitOneLine, textMeasure } from "~/analytics/components/one-line-category-axis";

/** A monospace stand-in for the browser's measure: 7 px a character. */
const mono = (text: string) => text.length * 7;

describe("fitOneLine", () => {
  it("keeps a name that fits", () => {
    expect(fitOneLine("Bot failed repeatedly", 21 * 7, mono)).toBe("Bot failed repeatedly");
  });

  it("cuts a name that does not fit to its longest start that fits with an ellipsis, without a dangling space", () => {
    expect(fitOneLine("Bot failed repeatedly", 12 * 7, mono)).toBe("Bot failed…");
    expect(mono(fitOneLine("Bot failed repeatedly", 100, mono))).toBeLessThanOrEqual(100);
    expect(fitOneLine("Bot failed repeatedly", 3, mono)).toBe("…");
  });
});

describe("axisWidthFor", () => {
  const names = Object.values(HANDOFF_TRIGGER_LABELS);
  const longest = Math.max(...names.map(mono));

  it("gives every trigger name its full width in a laptop's chart", () => {
    const width = axisWidthFor(names, 560, mono);
    expect(width).toBeGreaterThan(longest);
    for (const name of names) expect(fitOneLine(name, width - 10, mono)).toBe(name);
  });

  it("leaves most of a phone's chart to the bars", () => {
    expect(axisWidthFor(names, 300, mono)).toBe(120);
    expect(fitOneLine("Bot failed repeatedly", 120 - 10, mono)).toMatch(/…$/);
  });

  it("is only as wide as short names need", () => {
    expect(axisWidthFor(["Bot error"], 560, mono)).toBe(9 * 7 + 10);
  });
});

describe("textMeasure", () => {
  it("reads the page's font once, not once per measurement (fitting a name measures it many times)", () => {
    const fonts: string[] = [];
    const context = {
      set font(value: string) {
        fonts.push(value);
      },
      measureText: (text: string) => ({ width: text.length * 7 }),
    };
    const getComputedStyle = vi.fn(() => ({ fontFamily: "Inter, sans-serif" }));
    vi.stubGlobal("document", { body: {}, createElement: () => ({ getContext: () => context }) });
    vi.stubGlobal("getComputedStyle", getComputedStyle);
    try {
      const measure = textMeasure();
      const names = Object.values(HANDOFF_TRIGGER_LABELS);
      expect(axisWidthFor(names, 300, measure)).toBe(120);
      for (const name of names) fitOneLine(name, 60, measure);
      expect(measure("Bot error")).toBe(63);
      expect(getComputedStyle).toHaveBeenCalledTimes(1);
      expect(fonts).toEqual(["13px Inter, sans-serif"]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
