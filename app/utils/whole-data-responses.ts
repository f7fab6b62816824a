/**
 * Remix's single fetch (2.17) decodes a page's data while its body is still arriving, and logs a
 * body cut off mid-way with console.error before rethrowing it. When the cut is the router's own
 * abort (an agent navigating while the inbox's live refresh is loading), the router then drops
 * the request without a word, but the log stays: "AbortError: BodyStreamBuffer was aborted".
 * Reading a data response whole inside fetch turns such an abort into a failed fetch, which
 * Remix does not log: the router drops it quietly when it aborted it, and an error boundary
 * retries it when the browser did (isAbortError). Only single-fetch requests (`*.data`) are read
 * whole: other fetches stream (the chat's live events are a fetch). No loader here streams
 * promises (no <Await>), so nothing is kept waiting on a partial body.
 */
export function readingDataResponsesWhole(fetchImpl: typeof fetch, base: string): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.body || !isDataRequest(input, base)) return response;
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function isDataRequest(input: RequestInfo | URL, base: string): boolean {
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  return new URL(url, base).pathname.endsWith(".data");
}
