/**
 * The public chat API's resource routes (app/routes/api.*), called straight from the server
 * build by the production server. They are plain loader/action modules returning Responses, so
 * Remix's request pipeline (route ranking on every request, data strategy, single-fetch checks)
 * adds nothing for them but a large share of a turn's CPU. The route modules stay the one
 * definition: `remix dev`, the in-process tests and any other path still reach them through
 * Remix, and a URL this table does not match falls through to Remix.
 * JSON replies are written in one piece; event streams are streamed as Remix would.
 * The PUBLIC chat API (api/chat/…, api/conversations/…) goes further: createPlainApiHandler
 * serves it on node:http before express sees the request, with a plain request object
 * (plain-request.ts) instead of a Fetch Request; its routes take ~/runtime/api/request's
 * ApiRequest. Other API routes (admin analytics: sessions, URL parsing) get a Fetch Request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createReadableStreamFromReadable, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import type { ApiRequest } from "~/runtime/api/request";
import { PLAIN_REPLY, type PlainReply } from "~/runtime/api/responses.server";
import { PlainApiRequest } from "./plain-request";

type RouteFunction = (args: { request: ApiRequest; params: Record<string, string>; context: AppLoadContext }) => Promise<Response> | Response;
type ApiRoute = { segments: string[]; loader?: RouteFunction; action?: RouteFunction };

const PUBLIC_CHAT_API = /^api\/(chat|conversations)\//;

/** The full path of a route: flat-route files nest ("api.conversations.$id.messages" under "api.conversations.$id"). */
function fullPath(build: ServerBuild, id: string): string {
  const route = build.routes[id];
  if (!route || id === "root") return "";
  const parent = route.parentId ? fullPath(build, route.parentId) : "";
  return [parent, route.path ?? ""].filter(Boolean).join("/");
}

/** Resource routes (no component) under api/ with plain segments, e.g. "api/conversations/:id/messages". */
export function collectApiRoutes(build: ServerBuild): ApiRoute[] {
  return Object.values(build.routes).flatMap((route) => {
    const module = route.module as { loader?: RouteFunction; action?: RouteFunction; default?: unknown };
    const path = fullPath(build, route.id);
    if (module.default || route.index || !path.startsWith("api/") || /[*?]/.test(path)) return [];
    return [{ segments: path.split("/"), loader: module.loader, action: module.action }];
  });
}

export function matchApiRoute(routes: ApiRoute[], pathname: string): { route: ApiRoute; params: Record<string, string> } | null {
  const parts = pathname.replace(/^\/+|\/+$/g, "").split("/");
  let best: { route: ApiRoute; params: Record<string, string>; literals: number } | null = null;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let matches = true;
    for (let index = 0; index < parts.length && matches; index += 1) {
      const segment = route.segments[index];
      if (segment.startsWith(":")) {
        if (!parts[index]) matches = false;
        else params[segment.slice(1)] = safeDecode(parts[index]);
      } else if (segment === parts[index]) literals += 1;
      else matches = false;
    }
    // Like Remix's ranking: a literal segment beats a parameter.
    if (matches && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The Fetch Request a route sees (as @remix-run/express builds it): aborted when the client goes away first. */
function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const controller = new AbortController();
  let finished = false;
  res.once("finish", () => (finished = true));
  res.once("close", () => finished || controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // req.protocol and req.hostname follow the `trust proxy` setting.
  return new Request(`${req.protocol}://${req.get("host") ?? req.hostname}${req.originalUrl}`, init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const plain = (response as Response & { [PLAIN_REPLY]?: PlainReply })[PLAIN_REPLY];
  if (plain) {
    res.writeHead(plain.status, plain.headers);
    res.end(plain.body);
    return;
  }
  res.statusMessage = response.statusText;
  res.statusCode = response.status;
  for (const [key, value] of response.headers) res.appendHeader(key, value);
  if (!response.body) {
    res.end();
  } else if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) {
    res.flushHeaders();
    await writeReadableStreamToWritable(response.body, res);
  } else {
    // A JSON reply: one write instead of a stream pumped chunk by chunk.
    res.end(Buffer.from(await response.arrayBuffer()));
  }
}

function internalError(): Response {
  return new Response(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } }), {
    status: 500,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The route's loader (GET, HEAD) or action for this method, or null. */
function handlerFor(routes: ApiRoute[], method: string | undefined, pathname: string) {
  const match = matchApiRoute(routes, pathname);
  const run = match && (method === "GET" || method === "HEAD" ? match.route.loader : match.route.action);
  return match && run ? { run, params: match.params } : null;
}

/** Runs a route: guards throw Responses (a 404 for a wrong token); anything else is a bug, logged once. */
async function respond(run: RouteFunction, args: Parameters<RouteFunction>[0]): Promise<Response> {
  try {
    return await run(args);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    console.error(thrown);
    return internalError();
  }
}

export function createApiHandler(build: ServerBuild, getLoadContext: (req: ExpressRequest) => AppLoadContext): RequestHandler {
  const routes = collectApiRoutes(build);
  return async (req, res, next) => {
    const handler = handlerFor(routes, req.method, `${req.baseUrl}${req.path}`);
    if (!handler) return next();
    const response = await respond(handler.run, { request: toFetchRequest(req, res), params: handler.params, context: getLoadContext(req) });
    try {
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The public chat API on plain node:http: true when it took the request, false to leave it to
 * express. The client's address is the socket's peer, so this is for a server that trusts no
 * proxy (behind one, express works the address out of X-Forwarded-For). Calls answered with an
 * error status are logged like express's log line.
 */
export function createPlainApiHandler(build: ServerBuild, log: (line: string) => void): (req: IncomingMessage, res: ServerResponse) => boolean {
  const routes = collectApiRoutes(build).filter((route) => PUBLIC_CHAT_API.test(route.segments.join("/")));
  return (req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith("/api/")) return false;
    const query = url.indexOf("?");
    const handler = handlerFor(routes, req.method, query < 0 ? url : url.slice(0, query));
    if (!handler) return false;
    const started = process.hrtime.bigint();
    const context: AppLoadContext = { clientAddress: req.socket.remoteAddress ?? "unknown" };
    void respond(handler.run, { request: new PlainApiRequest(req, res), params: handler.params, context })
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      })
      .finally(() => {
        if (res.statusCode >= 400) log(requestLogLine(req.method, url, res, started));
      });
    return true;
  };
}

/** remix-serve's "tiny" log line: method, path, status, length, time. */
export function requestLogLine(method: string | undefined, url: string, res: ServerResponse, started: bigint): string {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return `${method} ${url} ${res.statusCode} ${res.getHeader("content-length") ?? "-"} - ${ms.toFixed(3)} ms\n`;
}
