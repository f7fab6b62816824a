import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during server rendering and hydration, true afterwards. Times are formatted in the
 * browser's time zone, which the server does not know: rendering them only after hydration
 * avoids a text mismatch between the server's HTML and the first client render.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
