/**
 * Whether a loader's failure is the browser giving up on the request rather than the server
 * answering with an error. During rapid navigation the browser can cancel a single-fetch request
 * before (or without) the router's own AbortController firing, and the error then reaches an
 * error boundary as if the page had failed (remix-run/react-router PR 14761). Browsers word it
 * differently: a DOMException (an Error too) named AbortError, or a TypeError from fetch itself.
 */

// Chromium, Firefox, Safari, undici (Node) and the Fetch spec's own wording; compared ignoring case.
const NETWORK_FAILURES = ["failed to fetch", "networkerror when attempting to fetch resource.", "load failed", "fetch failed", "network error"];

export function isAbortError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "AbortError") return true;
  // A body cut off mid-way fails the fetch itself too: data responses are read whole (whole-data-responses.ts).
  return error instanceof TypeError && NETWORK_FAILURES.includes(error.message.toLowerCase());
}
