/**
 * The production HTTP server (what `npm start`, the browser tests and the benchmarks run):
 * express with Remix's express adapter, in place of remix-serve, for two reasons.
 * - Routes get the client's real address in the load context (`clientAddress`). remix-serve
 *   passes none, and X-Forwarded-For alone can be written by anyone; it is believed only when
 *   TRUST_PROXY says which proxies in front of Baton are ours (express's `trust proxy`: a number
 *   of hops, or addresses/subnets such as "loopback, 10.0.0.0/8").
 * - The public chat API's hot path skips what it never uses: Remix's request pipeline (see
 *   api-routes.ts), static-file lookups, gzip (its replies are small JSON or event streams) and
 *   a log line per successful call. Without a trusted proxy it is served on node:http before
 *   express, with no Fetch Request built (createPlainApiHandler).
 *
 *   node --import tsx app/cli/serve.ts [build/index.js]     env: PORT (3000), HOST, TRUST_PROXY
 */
import http from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Request as ExpressRequest, type RequestHandler } from "express";
import { createApiHandler, createPlainApiHandler, requestLogLine } from "./api-routes";
import { guardRequests } from "./request-guard";
import { baseSecurityHeaders } from "~/utils/security-headers.server";
import { parseTrustProxy } from "~/utils/trust-proxy";
import { MEMORY_LINE, READY_LINE } from "./server-process";

const SHUTDOWN_GRACE_MS = 2_000;

const isApi = (url: string) => url.startsWith("/api/");

/** Runs `handler` for everything but the chat API. */
function exceptApi(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (isApi(req.url) ? next() : handler(req, res, next));
}

const writeLog = (line: string) => process.stdout.write(line);

/** remix-serve's "tiny" log line, except for successful API calls (hundreds a second under load). */
const logRequests: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    if (isApi(req.originalUrl) && res.statusCode < 400) return;
    writeLog(requestLogLine(req.method, req.originalUrl, res, started));
  });
  next();
};

/** nosniff, Referrer-Policy and (outside the chat) X-Frame-Options on every response; pages add their CSP in entry.server. */
const setBaseSecurityHeaders: RequestHandler = (req, res, next) => {
  res.set(baseSecurityHeaders(req.path));
  next();
};

export function createApp(build: ServerBuild, env: NodeJS.ProcessEnv = process.env): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", parseTrustProxy(env.TRUST_PROXY));
  app.use(logRequests);
  app.use(setBaseSecurityHeaders);
  app.use(exceptApi(compression()));
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(exceptApi(express.static("public", { maxAge: "1h" })));
  const getLoadContext = (req: ExpressRequest) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" });
  app.use(guardRequests);
  app.use("/api/", createApiHandler(build, getLoadContext));
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext }));
  return app;
}

/** Longer than a load balancer's usual 60 s idle timeout and than HTTP clients' own idle pools. */
const KEEP_ALIVE_MS = 65_000;

/** The HTTP server: the public chat API on plain node:http when no proxy is trusted, express for the rest. */
export function createServer(build: ServerBuild, env: NodeJS.ProcessEnv = process.env): http.Server {
  const app = createApp(build, env);
  const plainApi = parseTrustProxy(env.TRUST_PROXY) !== false ? null : createPlainApiHandler(build, writeLog);
  const server = plainApi
    ? http.createServer((req, res) => {
        if (!plainApi(req, res)) app(req, res);
      })
    : http.createServer(app);
  // An idle keep-alive connection is closed by the client or the proxy in front, not here: with
  // Node's 5 s a request sent on a connection the server was closing that instant failed with
  // ECONNRESET (seen from a test client), and load balancers keep idle connections 60 s.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CJS server build, chosen at run time
  const build = require(buildPath) as ServerBuild;
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST;
  // Several instances on PostgreSQL: what one publishes reaches the others' live streams.
  const { startLiveRelayWhenShared } = await import("~/runtime/live-wiring.server");
  await startLiveRelayWhenShared();
  const server = createServer(build);
  const onListen = () => console.log(`${READY_LINE} http://${host ?? "localhost"}:${port}`);
  if (host) server.listen(port, host, onListen);
  else server.listen(port, onListen);
  // For bench/memory.ts: started with --expose-gc, SIGUSR2 collects garbage and prints the heap in use.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    process.on("SIGUSR2", () => {
      gc();
      const { heapUsed, rss, external } = process.memoryUsage();
      console.log(`${MEMORY_LINE} ${JSON.stringify({ heapUsed, rss, external })}`);
    });
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      // Live event streams never end by themselves: cut them after a grace period (clients reconnect).
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
