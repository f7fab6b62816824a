/**
 * Whether a component renders inside the signed-in shell's `<main>`. A page has one main
 * landmark: whatever is inside the shell (a route's error page, say) must not open a second one.
 */
import { createContext, useContext } from "react";

const InsideMainContext = createContext(false);

export const InsideMainProvider = InsideMainContext.Provider;

export function useInsideMain(): boolean {
  return useContext(InsideMainContext);
}
