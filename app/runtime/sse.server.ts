/**
 * A text/event-stream Response around a subscription: `setup` gets a `send(chunk)` and returns
 * its own cleanup. Heartbeats (comment lines) keep proxies from closing an idle stream; all of
 * it is released when the client goes away (request abort) or the stream is cancelled.
 * Used by the customer's stream and the inbox's.
 *
 * It takes the Request, not just its signal, and keeps it for the stream's life: Node's Request
 * forwards the client's abort to `request.signal` through a controller only the Request holds
 * (undici#1926). Once the loader returned, nothing else held the Request, so a garbage collection
 * could drop that controller and the abort never arrived: the stream, its subscription and its
 * heartbeat outlived the client.
 */
const HEARTBEAT_MS = Number(process.env.SSE_HEARTBEAT_MS ?? 15_000) || 15_000;

/** Any request with the client's abort signal (a Fetch Request, or the chat API's ApiRequest). */
export type ClientRequest = { readonly signal: AbortSignal };

export function openSseResponse(request: ClientRequest, setup: (send: (chunk: string) => void) => () => void): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      send("retry: 3000\n\n");
      const teardown = setup(send);
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        teardown();
        // Through `request`, not a copy of its signal: this closure is what keeps the Request alive.
        request.signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      if (request.signal.aborted) cleanup();
      else request.signal.addEventListener("abort", cleanup);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: keeps the server's compression from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
