import { useEffect, type RefObject } from "react";

/** Closes a popover (menu, picker) when the pointer goes down outside `root` while it is open. */
export function useDismissOnOutsideClick(root: RefObject<HTMLElement>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) close();
    };
    document.addEventListener("mousedown", onPointerDown);
    return () => document.removeEventListener("mousedown", onPointerDown);
  }, [root, open, close]);
}
