/**
 * A text/event-stream Response around a subscription: `setup` gets a `send(chunk)` and returns
 * its own cleanup. Heartbeats (comment lines) keep proxies from closing an idle stream; all of
 * it is released when the client goes away (request abort) or the stream is cancelled.
 * Used by the customer's stream and the inbox's.
 */
const HEARTBEAT_MS = Number(process.env.SSE_HEARTBEAT_MS ?? 15_000) || 15_000;

export function openSseResponse(signal: AbortSignal, setup: (send: (chunk: string) => void) => () => void): Response {
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
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      if (signal.aborted) cleanup();
      else signal.addEventListener("abort", cleanup);
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
