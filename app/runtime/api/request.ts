/**
 * What the public chat API's routes read from a request. A Fetch Request has all of it (Remix,
 * `remix dev`, in-process tests); so does the production server's plain node:http request
 * (app/cli/plain-request.ts), which skips building a Fetch Request, its Headers and a web
 * stream for every customer message.
 */
import type { AppLoadContext } from "@remix-run/node";

/** A body the server has not turned into a web stream: read whole, up to a byte cap. */
export type CappedBody = {
  /** The bytes, or null as soon as there are more than `maxBytes` (the rest is read and dropped, never kept). */
  readCapped(maxBytes: number): Promise<Uint8Array | null>;
};

export type ApiRequest = {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | CappedBody | null;
  /** Aborted when the client goes away before the response is done (event streams stop then). */
  readonly signal: AbortSignal;
};

export type ApiArgs = { request: ApiRequest; params: Partial<Record<string, string>>; context: AppLoadContext };
