/**
 * Remix's default Node entry (streaming render; bots get the whole page at once), plus the
 * page's Content-Security-Policy and the nonce its inline scripts carry (security-headers.server.ts;
 * the headers every response gets are set by the server, app/cli/serve.ts).
 */
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { warmKnowledgeIndex } from "~/engines/knowledge-store.server";
import { startSentenceVectorPruning } from "~/engines/sentence-vector-pruning.server";
import { NonceContext } from "~/utils/nonce";
import { contentSecurityPolicy, createNonce, routeFrameAncestors } from "~/utils/security-headers.server";

const ABORT_DELAY = 5_000;

// The server build is loaded once per process: start indexing and embedding the knowledge base
// now, in the background, instead of on the first customer's question; and prune the stored
// sentence vectors nothing needs any more, in the background too (then daily).
if (process.env.NODE_ENV !== "test") {
  setImmediate(warmKnowledgeIndex);
  startSentenceVectorPruning();
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = createNonce();
  const framing = routeFrameAncestors(responseHeaders.get("Content-Security-Policy"));
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, framing));
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
