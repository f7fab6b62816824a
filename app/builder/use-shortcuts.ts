/**
 * Editor keyboard shortcuts (Ctrl or ⌘): Z undo, Shift+Z / Y redo, C copy, V paste, D duplicate.
 * Ignored while typing in a field or inside a dialog, where the keys keep their usual meaning.
 */
import { useEffect, useRef } from "react";

export type Shortcuts = { undo: () => void; redo: () => void; copy: () => void; paste: () => void; duplicate: () => void };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("dialog")) return true;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const action =
        key === "z" ? (event.shiftKey ? latest.current.redo : latest.current.undo) : key === "y" ? latest.current.redo : key === "c" ? latest.current.copy : key === "v" ? latest.current.paste : key === "d" ? latest.current.duplicate : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
