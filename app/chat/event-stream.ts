/**
 * Live updates for the chat page over fetch() rather than EventSource: EventSource cannot send
 * an Authorization header, and inside the widget's cross-site iframe the SameSite=Lax chat
 * cookie is not sent, so the bearer token is the only credential that works everywhere.
 * Reconnects with Last-Event-ID (the server resumes after that message) and backs off.
 */
export type StreamEvent = { event: string; data: string; id?: string };

/** Incremental text/event-stream parser: feed it chunks, it calls back once per complete event. */
export function createEventStreamParser(onEvent: (event: StreamEvent) => void, onRetry?: (ms: number) => void) {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) });
    event = "";
    data = [];
    id = undefined;
  };
  const handleLine = (line: string) => {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
    else if (field === "retry" && /^\d+$/.test(value)) onRetry?.(Number(value));
  };
  return (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      const width = buffer.startsWith("\r\n", newline) ? 2 : 1;
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (buffer[newline] === "\r" && width === 1 && newline === buffer.length - 1) break;
      buffer = buffer.slice(newline + width);
      handleLine(line);
    }
  };
}

type StreamOptions = {
  url: string;
  token: string;
  onEvent: (event: StreamEvent) => void;
  /** Called on every (re)connect: the page re-reads the transcript to cover any gap. */
  onOpen: () => void;
  onStateChange: (state: "live" | "reconnecting") => void;
};

const MAX_RECONNECT_MS = 30_000;

/** Opens the stream and keeps it open until the returned function is called. */
export function openEventStream(options: StreamOptions): () => void {
  const abort = new AbortController();
  let lastEventId: string | undefined;
  let retryMs = 3_000;
  let failures = 0;

  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        const headers: Record<string, string> = { Accept: "text/event-stream", Authorization: `Bearer ${options.token}` };
        if (lastEventId) headers["Last-Event-ID"] = lastEventId;
        const response = await fetch(options.url, { headers, signal: abort.signal, cache: "no-store" });
        // 404 means the conversation is gone or the token is wrong: retrying will not help.
        if (response.status === 404) return;
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        failures = 0;
        options.onStateChange("live");
        options.onOpen();
        const parse = createEventStreamParser(
          (event) => {
            if (event.id) lastEventId = event.id;
            options.onEvent(event);
          },
          (ms) => (retryMs = ms),
        );
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        if (abort.signal.aborted) return;
        failures += 1;
      }
      if (abort.signal.aborted) return;
      options.onStateChange("reconnecting");
      await sleep(Math.min(MAX_RECONNECT_MS, retryMs * 2 ** Math.min(failures, 4)), abort.signal);
    }
  };
  void run();
  return () => abort.abort();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
