/**
 * The customer's live stream of one conversation as text/event-stream. It SUBSCRIBES FIRST and
 * only then reads the backlog (the messages after the client's Last-Event-ID or `after` seq):
 * a message committed while the backlog is read arrives through the subscription, and one that
 * is in both is sent once (messages carry their seq as the event id). Internal notes never pass;
 * heartbeats (comment lines) keep proxies from closing an idle stream; everything is released
 * when the client goes away (request abort) or the stream is cancelled.
 */
import { db } from "~/utils/db.server";
import { getCustomerView } from "./conversations.server";
import { subscribe, type LiveEvent } from "./live.server";
import type { PublicMessage } from "./messages";

const HEARTBEAT_MS = Number(process.env.SSE_HEARTBEAT_MS ?? 15_000) || 15_000;

type StreamInput = {
  conversationId: string;
  signal: AbortSignal;
  /** Send the stored messages after this seq first; null: only what happens from now on. */
  afterSeq: number | null;
};

type SeqMessage = PublicMessage & { seq: number };
type Team = { slug: string; name: string } | null;

/** Null when the conversation does not exist. */
export async function openCustomerEventStream(input: StreamInput): Promise<Response | null> {
  let forward: ((event: LiveEvent) => void) | null = null;
  const early: LiveEvent[] = [];
  const unsubscribe = subscribe(`conversation:${input.conversationId}`, (event) => (forward ? forward(event) : early.push(event)));
  let view: Awaited<ReturnType<typeof getCustomerView>>;
  try {
    view = await getCustomerView(input.conversationId, input.afterSeq ?? Number.MAX_SAFE_INTEGER);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (!view) {
    unsubscribe();
    return null;
  }
  const backlog = view.messages;
  let lastSentSeq = Math.max(input.afterSeq ?? 0, backlog.at(-1)?.seq ?? 0);

  const encoder = new TextEncoder();
  let cleanup = () => unsubscribe();
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
      const sendMessage = ({ seq, ...message }: SeqMessage) => send(`event: message\nid: ${seq}\ndata: ${JSON.stringify(message)}\n\n`);
      const sendStatus = (status: string, team: Team) => send(`event: status\ndata: ${JSON.stringify({ status, team })}\n\n`);
      const onEvent = (event: LiveEvent) => {
        if (event.type === "status") {
          void lookUpTeam(event.teamId).then((team) => sendStatus(event.status, team));
          return;
        }
        // Already sent with the backlog (or older than the client's resume point).
        if (event.message.role === "note" || event.message.seq <= lastSentSeq) return;
        lastSentSeq = event.message.seq;
        const { seq, id, role, text, createdAt, choices, source, csat } = event.message;
        sendMessage({ seq, id, role, text, createdAt, ...(choices ? { choices } : {}), ...(source ? { source } : {}), ...(csat ? { csat } : {}) });
      };

      send("retry: 3000\n\n");
      sendStatus(view.status, view.team);
      for (const message of backlog) sendMessage(message);
      for (const event of early.splice(0)) onEvent(event);
      forward = onEvent;

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

async function lookUpTeam(teamId: string | null): Promise<Team> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { slug: true, name: true } }).catch(() => null);
}
