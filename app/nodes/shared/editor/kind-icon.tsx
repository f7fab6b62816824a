import type { ReactNode } from "react";

/** A kind's icon: a 24×24 stroke drawing in the kind's colour (emoji fonts are missing on many machines). */
export function KindIcon({ size = 16, children }: { size?: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="var(--kind-color)" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
