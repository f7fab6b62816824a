/**
 * The inbox's keyboard shortcuts, as in Gmail, Front or Zendesk: j / k next and previous
 * conversation of the list, r reply, n internal note, e resolve, / search, ? this list.
 * Ignored while typing in a field (Escape leaves the composer, so the next key is a shortcut
 * again) and with Ctrl, Alt or Cmd held. The pane's controls carry `data-shortcut`, so a
 * shortcut does exactly what clicking them does (and nothing when they are disabled or absent).
 */
import { useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export const SHORTCUTS: Array<{ keys: string; does: string }> = [
  { keys: "j", does: "Next conversation" },
  { keys: "k", does: "Previous conversation" },
  { keys: "r", does: "Reply" },
  { keys: "n", does: "Internal note" },
  { keys: "e", does: "Resolve" },
  { keys: "/", does: "Search" },
  { keys: "Esc", does: "Leave the text box" },
  { keys: "?", does: "Show these shortcuts" },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest("dialog[open]") !== null;
}

function control(name: string): HTMLElement | null {
  const element = document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
  return element && !(element as HTMLButtonElement).disabled ? element : null;
}

function write(mode: "reply" | "note"): boolean {
  const tab = control(mode);
  if (!tab) return false;
  tab.click();
  // The composer re-renders for the mode first.
  requestAnimationFrame(() => control("composer")?.focus());
  return true;
}

export function useInboxShortcuts(input: { ids: string[]; selectedId: string | null; hrefFor: (id: string) => string }) {
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);
  // Read at key time: a key pressed right after a navigation must see the list and selection now on screen.
  const latest = useRef(input);
  latest.current = input;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && event.target instanceof HTMLTextAreaElement && event.target.dataset.shortcut === "composer") {
        event.target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const step = event.key === "j" ? 1 : event.key === "k" ? -1 : 0;
      let handled = true;
      if (step !== 0) {
        const { ids, selectedId, hrefFor } = latest.current;
        const at = selectedId ? ids.indexOf(selectedId) : -1;
        const next = ids[at < 0 ? (step > 0 ? 0 : ids.length - 1) : at + step];
        if (next) navigate(hrefFor(next));
      } else if (event.key === "r") handled = write("reply");
      else if (event.key === "n") handled = write("note");
      else if (event.key === "e") control("resolve")?.click();
      else if (event.key === "/") control("search")?.focus();
      else if (event.key === "?") setHelpOpen(true);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [navigate]);
  return { helpOpen, closeHelp: () => setHelpOpen(false), openHelp: () => setHelpOpen(true) };
}
