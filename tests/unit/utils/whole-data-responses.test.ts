/**
 * Against a real HTTP server whose responses send their first line and then hang, as a page's
 * data does when the agent navigates away while it loads.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readingDataResponsesWhole } from "~/utils/whole-data-responses";

let server: Server;
let base: string;
const fetchWhole = readingDataResponsesWhole(fetch, "http://localhost/");

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/inbox.data") {
      response.writeHead(200, { "content-type": "text/x-script", "x-kept": "yes" });
      response.end('[{"_1":2},"routes/_app.inbox"]\n');
      return;
    }
    if (request.url === "/empty.data") {
      response.writeHead(204);
      response.end();
      return;
    }
    // /hanging.data and /events: the first line, then nothing more until the client goes.
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("first line\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("reading single-fetch data responses whole", () => {
  it("makes an abort that lands mid-body fail the fetch itself, where Remix does not log it", async () => {
    const abort = new AbortController();
    const fetching = fetchWhole(new URL("/hanging.data", base), { signal: abort.signal });
    const outcome = fetching.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // the headers and the first line are in
    abort.abort();
    expect(await outcome).toMatchObject({ name: "AbortError" });
  });

  it("hands Remix the whole body with the status and headers, and leaves a response without a body as it is", async () => {
    const response = await fetchWhole(`${base}/inbox.data`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-kept")).toBe("yes");
    await expect(response.text()).resolves.toBe('[{"_1":2},"routes/_app.inbox"]\n');
    expect((await fetchWhole(`${base}/empty.data`)).status).toBe(204);
  });

  it("leaves every other fetch streaming: its first line reads before the body ends", async () => {
    const abort = new AbortController();
    const response = await fetchWhole(new Request(`${base}/events`, { signal: abort.signal }));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first line\n");
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });
});
