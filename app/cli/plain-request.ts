/**
 * The chat API's request (~/runtime/api/request) over a plain node:http request, for the
 * production server's direct path: headers read from node's own object, the body read from the
 * socket whole up to the route's cap, and an abort signal only made when a route asks for one
 * (event streams). Building a Fetch Request instead costs more CPU than a turn's SQLite writes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiRequest, CappedBody } from "~/runtime/api/request";

class PlainHeaders {
  constructor(private readonly raw: IncomingMessage["headers"]) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
}

class PlainBody implements CappedBody {
  private consumed = false;

  constructor(private readonly req: IncomingMessage) {}

  readCapped(maxBytes: number): Promise<Uint8Array | null> {
    if (this.consumed) return Promise.reject(new Error("The request body was already read"));
    this.consumed = true;
    const req = this.req;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let total = 0;
      let settled = false;
      const settle = (value: Uint8Array | null) => {
        settled = true;
        resolve(value);
      };
      req.on("data", (chunk: Buffer) => {
        if (settled) return;
        total += chunk.byteLength;
        // Over the cap: answer now; the rest keeps flowing into this listener and is dropped,
        // so the connection stays usable for the 400 reply.
        if (total > maxBytes) settle(null);
        else chunks.push(chunk);
      });
      req.once("end", () => settled || settle(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)));
      req.once("error", (error) => settled || ((settled = true), reject(error)));
      req.once("close", () => settled || ((settled = true), reject(new Error("The client closed the request before its body arrived"))));
    });
  }
}

export class PlainApiRequest implements ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: PlainHeaders;
  readonly body: PlainBody | null;
  private controller: AbortController | null = null;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.method = req.method ?? "GET";
    // Only used without a trusted proxy, so the scheme is the socket's own (as express's req.protocol).
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
    this.url = `${scheme}://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
    this.headers = new PlainHeaders(req.headers);
    const hasBody = req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
    this.body = hasBody ? new PlainBody(req) : null;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      this.controller = controller;
      if (this.res.destroyed) controller.abort();
      else this.res.once("close", () => this.res.writableFinished || controller.abort());
    }
    return this.controller.signal;
  }
}
