/**
 * The customer's live stream of one conversation as text/event-stream. Internal notes never
 * pass. The stream plumbing (heartbeats, release on abort) is openSseResponse's.
 */
import { db } from "~/utils/db.server";
import { subscribe, type LiveEvent } from "./live.server";
import type { PublicMessage } from "./messages";
import { openSseResponse } from "./sse.server";

type StreamInput = {
  conversationId: string;
  signal: AbortSignal;
  /** Messages after the client's Last-Event-ID, sent first. */
  backlog: Array<PublicMessage & { seq: number }>;
  status: string;
  team: { slug: string; name: string } | null;
};

export function openCustomerEventStream(input: StreamInput): Response {
  return openSseResponse(input.signal, (send) => {
    const sendMessage = ({ seq, ...message }: PublicMessage & { seq: number }) =>
      send(`event: message\nid: ${seq}\ndata: ${JSON.stringify(message)}\n\n`);
    const sendStatus = (status: string, team: StreamInput["team"]) => send(`event: status\ndata: ${JSON.stringify({ status, team })}\n\n`);

    sendStatus(input.status, input.team);
    for (const message of input.backlog) sendMessage(message);

    return subscribe(`conversation:${input.conversationId}`, (event: LiveEvent) => {
      if (event.type === "message") {
        if (event.message.role === "note") return;
        const { seq, id, role, text, createdAt, choices, source, csat } = event.message;
        sendMessage({ seq, id, role, text, createdAt, ...(choices ? { choices } : {}), ...(source ? { source } : {}), ...(csat ? { csat } : {}) });
      } else {
        void lookUpTeam(event.teamId).then((team) => sendStatus(event.status, team));
      }
    });
  });
}

async function lookUpTeam(teamId: string | null): Promise<StreamInput["team"]> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { slug: true, name: true } }).catch(() => null);
}
