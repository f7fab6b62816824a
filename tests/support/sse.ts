/** Test helper for text/event-stream responses. */
/** Reads server-sent events until `count` events arrived (or the stream ends). */
export async function readEvents(stream: ReadableStream<Uint8Array>, count: number) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: unknown; id?: string }> = [];
  let buffer = "";
  while (events.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const fields = Object.fromEntries(block.split("\n").filter((line) => !line.startsWith(":")).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
      if (fields.event) events.push({ event: fields.event, data: JSON.parse(fields.data), id: fields.id });
    }
  }
  reader.releaseLock();
  return events;
}

/** Reads server-sent events for `ms` milliseconds, then cancels the stream: for "nothing else arrives" checks. */
export async function readEventsFor(stream: ReadableStream<Uint8Array>, ms: number) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = "";
  const deadline = Date.now() + ms;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), remaining))]);
    if (next === null || next.done) break;
    buffer += decoder.decode(next.value, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const lines = block.split("\n").filter((line) => !line.startsWith(":"));
      const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim();
      const event = field("event");
      if (event) events.push({ event, data: JSON.parse(field("data") ?? "null") });
    }
  }
  await reader.cancel().catch(() => {});
  return events;
}
