import { AA_TEXT_CONTRAST, contrastRatio, normaliseHex, type AccentColours } from "../contrast";

const describe = (text: string) => (text === "#ffffff" ? "white" : "near-black");

/** Says what the chat will paint for the chosen colour and why (WCAG AA, 4.5:1 for text). */
export function ContrastNote({ chosen, colours }: { chosen: string; colours: AccentColours }) {
  const valid = normaliseHex(chosen);
  if (!valid) return <p className="branding-contrast">Type a colour like #4f46e5 to check its contrast.</p>;
  const swatch = (
    <span className="branding-contrast__swatch" style={{ background: colours.background, color: colours.text }}>
      Aa
    </span>
  );
  if (!colours.adjusted) {
    return (
      <p className="branding-contrast" role="status" data-testid="contrast-note">
        {swatch} Text on this colour is {describe(colours.text)}: {colours.ratio.toFixed(1)}:1, passes WCAG AA ({AA_TEXT_CONTRAST}:1).
      </p>
    );
  }
  const best = Math.max(contrastRatio("#ffffff", valid), contrastRatio("#111827", valid));
  return (
    <p className="branding-contrast" role="status" data-testid="contrast-note">
      {swatch} {valid} reaches only {best.toFixed(2)}:1 with white or near-black text (WCAG AA needs {AA_TEXT_CONTRAST}:1), so the chat uses a
      darker shade, <code>{colours.background}</code>, with white text ({colours.ratio.toFixed(1)}:1).
    </p>
  );
}
