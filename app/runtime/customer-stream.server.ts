/**
 * The customer's live stream of one conversation as text/event-stream. Internal notes never
 * pass; heartbeats (comment lines) keep proxies from closing an idle stream; everything is
 * released when the client goes away (request abort) or the stream is cancelled.
 */
import { db } from "~/utils/db.server";
import { subscribe, type LiveEvent } from "./live.server";
import type { PublicMessage } from "./messages";

const HEARTBEAT_MS = Number(process.env.SSE_HEARTBEAT_MS ?? 15_000) || 15_000;

type StreamInput = {
  conversationId: string;
  signal: AbortSignal;
  /** Messages after the client's Last-Event-ID, sent first. */
  backlog: Array<PublicMessage & { seq: number }>;
  status: string;
  team: { slug: string; name: string } | null;
};

export function openCustomerEventStream(input: StreamInput): Response {
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
      const sendMessage = ({ seq, ...message }: PublicMessage & { seq: number }) =>
        send(`event: message\nid: ${seq}\ndata: ${JSON.stringify(message)}\n\n`);
      const sendStatus = (status: string, team: StreamInput["team"]) => send(`event: status\ndata: ${JSON.stringify({ status, team })}\n\n`);

      send("retry: 3000\n\n");
      sendStatus(input.status, input.team);
      for (const message of input.backlog) sendMessage(message);

      const unsubscribe = subscribe(`conversation:${input.conversationId}`, (event: LiveEvent) => {
        if (event.type === "message") {
          if (event.message.role === "note") return;
          const { seq, id, role, text, createdAt, choices, source, csat } = event.message;
          sendMessage({ seq, id, role, text, createdAt, ...(choices ? { choices } : {}), ...(source ? { source } : {}), ...(csat ? { csat } : {}) });
        } else {
          void lookUpTeam(event.teamId).then((team) => sendStatus(event.status, team));
        }
      });
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        input.signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      if (input.signal.aborted) cleanup();
      else input.signal.addEventListener("abort", cleanup);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: keeps any compressing proxy (or middleware) from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

async function lookUpTeam(teamId: string | null): Promise<StreamInput["team"]> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { slug: true, name: true } }).catch(() => null);
}
