import { createContext, useContext } from "react";

/**
 * The per-response CSP nonce, given to Remix's inline scripts. Only the server render knows it:
 * in the browser it is "" (browsers hide nonce attributes from scripts anyway).
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
