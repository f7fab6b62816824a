/**
 * The customer's live stream of one conversation as text/event-stream. It SUBSCRIBES FIRST and
 * only then reads the backlog (the messages after the client's Last-Event-ID or `after` seq):
 * a message committed while the backlog is read arrives through the subscription, and one that
 * is in both is sent once (messages carry their seq as the event id). Internal notes never pass.
 * The stream plumbing (heartbeats, release on abort or cancel) is openSseResponse's.
 */
import { db } from "~/utils/db.server";
import { getCustomerView } from "./conversations.server";
import { subscribe, type LiveEvent } from "./live.server";
import type { PublicMessage } from "./messages";
import { openSseResponse } from "./sse.server";

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
  const { status, team, messages: backlog } = view;
  let lastSentSeq = Math.max(input.afterSeq ?? 0, backlog.at(-1)?.seq ?? 0);

  return openSseResponse(input.signal, (send) => {
    const sendMessage = ({ seq, ...message }: SeqMessage) => send(`event: message\nid: ${seq}\ndata: ${JSON.stringify(message)}\n\n`);
    const sendStatus = (current: string, currentTeam: Team) => send(`event: status\ndata: ${JSON.stringify({ status: current, team: currentTeam })}\n\n`);
    const onEvent = (event: LiveEvent) => {
      // The customer's own rating: their page already shows it.
      if (event.type === "rating") return;
      if (event.type === "status") {
        void lookUpTeam(event.teamId).then((found) => sendStatus(event.status, found));
        return;
      }
      // Already sent with the backlog (or older than the client's resume point).
      if (event.message.role === "note" || event.message.seq <= lastSentSeq) return;
      lastSentSeq = event.message.seq;
      const { seq, id, role, text, createdAt, choices, source, csat, author } = event.message;
      sendMessage({ seq, id, role, text, createdAt, ...(choices ? { choices } : {}), ...(source ? { source } : {}), ...(csat ? { csat } : {}), ...(author ? { author } : {}) });
    };

    sendStatus(status, team);
    for (const message of backlog) sendMessage(message);
    for (const event of early.splice(0)) onEvent(event);
    forward = onEvent;
    return unsubscribe;
  });
}

async function lookUpTeam(teamId: string | null): Promise<Team> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { slug: true, name: true } }).catch(() => null);
}
