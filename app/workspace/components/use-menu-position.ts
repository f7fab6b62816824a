/**
 * Where a row's "…" menu opens: fixed to the viewport under its button (above it when there is
 * no room below), right edges aligned, never past the viewport's edges. Fixed, not absolute: the
 * tables scroll sideways inside their cards on narrow screens, and a scrolling box clips an
 * absolutely positioned child — the menu of a row scrolled into view would be cut off.
 */
import { useCallback, useLayoutEffect, useState, type CSSProperties, type RefObject } from "react";

const GAP = 4;
const MARGIN = 8;

export function useMenuPosition(trigger: RefObject<HTMLElement>, panel: RefObject<HTMLElement>, open: boolean): CSSProperties | undefined {
  const [style, setStyle] = useState<CSSProperties>();
  const place = useCallback(() => {
    const button = trigger.current?.getBoundingClientRect();
    const menu = panel.current;
    if (!button || !menu) return;
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const below = button.bottom + GAP;
    const top = below + menu.offsetHeight <= height - MARGIN ? below : Math.max(MARGIN, button.top - GAP - menu.offsetHeight);
    const left = Math.min(Math.max(MARGIN, button.right - menu.offsetWidth), width - MARGIN - menu.offsetWidth);
    setStyle({ position: "fixed", top, left: Math.max(MARGIN, left), right: "auto" });
  }, [trigger, panel]);
  useLayoutEffect(() => {
    if (!open) {
      setStyle(undefined);
      return;
    }
    place();
    // Scrolling the page or the table moves the button: the menu follows it.
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open, place]);
  return style;
}
