/** A thin horizontal bar for a share (0..1) inside a table cell. */
export function ShareBar({ share, tone = "accent" }: { share: number; tone?: "accent" | "warn" | "muted" }) {
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return (
    <span className="share-bar" aria-hidden="true">
      <span className={`share-bar-fill share-bar-${tone}`} style={{ width }} />
    </span>
  );
}
