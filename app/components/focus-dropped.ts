/**
 * Whether keyboard focus was dropped (nothing focused, or <body>: the element that had it was
 * removed or disabled) or is still `within` the element that started the work. Code that moves
 * focus after an awaited save or action asks this first, so it never takes focus back from a
 * person who moved it elsewhere meanwhile.
 */
export function focusDroppedOrWithin(within?: Element | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || (within?.contains(active) ?? false);
}
