/**
 * WCAG 2.1 contrast for the chat's accent colour: the header, the customer's bubbles and the send
 * button put text on the accent, so the text colour is chosen (white or near-black) to reach AA
 * (4.5:1); when neither does — mid-tone colours like #ff8800 reach ~2.9:1 with both — the accent
 * is darkened step by step until white text on it does. Pure and client-safe: the settings page
 * runs it as the lead types, the chat page on what was saved.
 */
export const AA_TEXT_CONTRAST = 4.5;
export const LIGHT_TEXT = "#ffffff";
export const DARK_TEXT = "#111827";

export type AccentColours = {
  /** The colour the chat actually paints (the chosen one, or a darker shade of it). */
  background: string;
  /** White or near-black, whichever reads better on `background`. */
  text: string;
  /** Contrast of `text` on `background`. */
  ratio: number;
  /** True when the chosen colour had to be darkened to reach AA. */
  adjusted: boolean;
  /** The accent as text on white (links, choice buttons): itself, or darkened until it reads at AA. */
  ink: string;
};

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** "#abc" → "#aabbcc", lower case; null for anything that is not a hex colour. */
export function normaliseHex(value: string): string | null {
  const trimmed = value.trim();
  if (!HEX.test(trimmed)) return null;
  const digits = trimmed.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}

function channels(hex: string): [number, number, number] {
  const value = normaliseHex(hex) ?? "#000000";
  return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance as WCAG 2.1 defines it (sRGB, 0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function bestText(background: string): { text: string; ratio: number } {
  const light = contrastRatio(LIGHT_TEXT, background);
  const dark = contrastRatio(DARK_TEXT, background);
  return light >= dark ? { text: LIGHT_TEXT, ratio: light } : { text: DARK_TEXT, ratio: dark };
}

/** Darkens in 5 % steps (keeps the hue) until white reaches AA against it; black always gets there. */
function darkenUntilWhiteReads(start: string): string {
  let rgb = channels(start);
  let colour = start;
  for (let step = 0; step < 60 && contrastRatio(LIGHT_TEXT, colour) < AA_TEXT_CONTRAST; step++) {
    rgb = rgb.map((c) => c * 0.95) as [number, number, number];
    colour = toHex(rgb);
  }
  return colour;
}

/** The colours to paint for a chosen accent; an unreadable value falls back to `fallback`. */
export function accentColours(chosen: string, fallback = "#4f46e5"): AccentColours {
  const start = normaliseHex(chosen) ?? normaliseHex(fallback) ?? "#4f46e5";
  const ink = darkenUntilWhiteReads(start);
  const first = bestText(start);
  if (first.ratio >= AA_TEXT_CONTRAST) return { background: start, ...first, adjusted: false, ink };
  return { background: ink, text: LIGHT_TEXT, ratio: contrastRatio(LIGHT_TEXT, ink), adjusted: true, ink };
}
