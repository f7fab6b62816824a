import type { ReactNode } from "react";

/**
 * The summary's line for a setting left empty. Its own module, not node-card.tsx's: every kind's
 * editor uses it, and the registry (so the server) imports the editors, while the card needs
 * React Flow, which only the builder should load.
 */
export function Unset({ children }: { children: ReactNode }) {
  return <span className="node-unset">{children}</span>;
}
