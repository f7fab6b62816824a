import { describe, expect, it } from "vitest";
import { AA_TEXT_CONTRAST, accentColours, contrastRatio, normaliseHex, relativeLuminance } from "~/branding/contrast";

describe("contrast (WCAG 2.1)", () => {
  it("matches the reference ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(relativeLuminance("#fff")).toBeCloseTo(1, 5);
    expect(normaliseHex("#ABC")).toBe("#aabbcc");
    expect(normaliseHex("red")).toBeNull();
  });

  it("keeps a dark accent with white text", () => {
    const colours = accentColours("#4f46e5");
    expect(colours).toMatchObject({ background: "#4f46e5", text: "#ffffff", adjusted: false });
    expect(colours.ratio).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });

  it("puts near-black text on a light accent", () => {
    const colours = accentColours("#fde047");
    expect(colours).toMatchObject({ background: "#fde047", text: "#111827", adjusted: false });
    expect(colours.ratio).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });

  it("darkens a mid-tone accent that neither text colour can read on", () => {
    // #ff8800 gives white 2.9:1 and near-black ~6.6:1, so it is fine with dark text; #e0457b is the hard case.
    for (const chosen of ["#e0457b", "#20a0a0", "#ff5733", "#8a8a8a"]) {
      const colours = accentColours(chosen);
      expect(contrastRatio(colours.text, colours.background)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      if (colours.adjusted) expect(colours.background).not.toBe(chosen);
    }
    expect(accentColours("#e0457b").adjusted).toBe(true);
  });

  it("falls back on an unreadable value", () => {
    expect(accentColours("not a colour").background).toBe("#4f46e5");
  });
});

describe("accent as text on white", () => {
  it("is the accent when it reads, darker when it does not", () => {
    expect(accentColours("#4f46e5").ink).toBe("#4f46e5");
    const yellow = accentColours("#fde047");
    expect(yellow.ink).not.toBe("#fde047");
    expect(contrastRatio(yellow.ink, "#ffffff")).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });
});
