/**
 * The customer's live stream of one conversation as text/event-stream. It SUBSCRIBES FIRST and
 * only then reads the backlog (the messages after the client's Last-Event-ID or `after` seq):
 * a message committed while the backlog is read arrives through the subscription, and one that
 * is in both is sent once (messages carry their seq as the event id). A stream opened without a
 * resume point resumes from the conversation's latest stored seq, read before subscribing, so it
 * takes the same path. Live messages go out in seq order without gaps even when another
 * instance's message reaches this one after a later local one (a skipped seq is read back from
 * the database first). Internal notes never pass.
 * The stream plumbing (heartbeats, release on abort or cancel) is openSseResponse's.
 */
import { db } from "~/utils/db.server";
import { getCustomerView } from "./conversations.server";
import { subscribe, type LiveEvent, type LiveMessage } from "./live.server";
import type { PublicMessage } from "./messages";
import { openSseResponse, type ClientRequest } from "./sse.server";

type StreamInput = {
  conversationId: string;
  /** The client's request: the stream ends when it is aborted. */
  request: ClientRequest;
  /** Send the stored messages after this seq first; null: only what is stored from now on. */
  afterSeq: number | null;
};

type SeqMessage = PublicMessage & { seq: number };
type Team = { slug: string; name: string } | null;

/** Null when the conversation does not exist. */
export async function openCustomerEventStream(input: StreamInput): Promise<Response | null> {
  // "From now on" needs a known seq too: with none, the first live event would set it, and an
  // earlier message relayed from another instance after it would count as already sent.
  const afterSeq = input.afterSeq ?? (await latestStoredSeq(input.conversationId));
  let forward: ((event: LiveEvent) => void) | null = null;
  const early: LiveEvent[] = [];
  const unsubscribe = subscribe(`conversation:${input.conversationId}`, (event) => (forward ? forward(event) : early.push(event)));
  let view: Awaited<ReturnType<typeof getCustomerView>>;
  try {
    view = await getCustomerView(input.conversationId, afterSeq);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (!view) {
    unsubscribe();
    return null;
  }
  const { status, team, messages: backlog } = view;
  let lastSentSeq = Math.max(afterSeq, backlog.at(-1)?.seq ?? 0);
  // Gap repairs (reads of the stored messages), one after another so they send in seq order.
  let catchingUp: Promise<void> = Promise.resolve();

  return openSseResponse(input.request, (send) => {
    const sendMessage = ({ seq, ...message }: SeqMessage) => send(`event: message\nid: ${seq}\ndata: ${JSON.stringify(message)}\n\n`);
    const sendStatus = (current: string, currentTeam: Team) => send(`event: status\ndata: ${JSON.stringify({ status: current, team: currentTeam })}\n\n`);
    const onEvent = (event: LiveEvent) => {
      // The customer's own rating: their page already shows it.
      if (event.type === "rating") return;
      if (event.type === "status") {
        void lookUpTeam(event.teamId).then((found) => sendStatus(event.status, found));
        return;
      }
      const { role } = event.message;
      if (role === "note") return;
      const message = toSeqMessage(event.message, role);
      if (message.seq <= lastSentSeq + 1) return sendInOrder(message);
      // A gap: with several instances, a message this instance published overtakes an earlier one
      // still coming through the relay (or a note the customer never sees took the seq). Sending
      // this one now would make the stream skip the earlier one for good, so the stored messages
      // after the last one sent are read back first (an earlier seq commits before a later one).
      catchingUp = catchingUp
        .then(async () => {
          const stored = await getCustomerView(input.conversationId, lastSentSeq);
          for (const earlier of stored?.messages ?? []) if (earlier.seq < message.seq) sendInOrder(earlier);
          sendInOrder(message);
        })
        .catch((error: unknown) => console.warn("[live] could not read a conversation's messages back:", error instanceof Error ? error.message : error));
    };
    // Sends each seq once, ascending: what was sent with the backlog or before the client's resume point is skipped.
    const sendInOrder = (message: SeqMessage) => {
      if (message.seq <= lastSentSeq) return;
      lastSentSeq = message.seq;
      sendMessage(message);
    };

    sendStatus(status, team);
    for (const message of backlog) sendMessage(message);
    for (const event of early.splice(0)) onEvent(event);
    forward = onEvent;
    return unsubscribe;
  });
}

function toSeqMessage({ seq, id, text, createdAt, choices, source, csat, author }: LiveMessage, role: SeqMessage["role"]): SeqMessage {
  return { seq, id, role, text, createdAt, ...(choices ? { choices } : {}), ...(source ? { source } : {}), ...(csat ? { csat } : {}), ...(author ? { author } : {}) };
}

/** Notes included: they take seqs too. 0 for a conversation without messages (or none at all). */
async function latestStoredSeq(conversationId: string): Promise<number> {
  const latest = await db.message.aggregate({ where: { conversationId }, _max: { seq: true } });
  return latest._max.seq ?? 0;
}

async function lookUpTeam(teamId: string | null): Promise<Team> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { slug: true, name: true } }).catch(() => null);
}
