/**
 * The agents' live stream (GET /inbox/events): which conversations changed, so the open inbox
 * re-reads its lists and the open conversation, and `handoff` when a conversation enters a
 * queue of the viewer's (for the browser notification and the title count). Agents listen on
 * their teams' channels, admins on the whole inbox; the open conversation's own channel is
 * added by the route after its access check. Preview runs never pass. The stream carries ids
 * and kinds only: what a change contains is read through the loaders, which check access.
 */
import { subscribe, type LiveChannel, type LiveEvent } from "~/runtime/live.server";
import { LruCache } from "~/utils/lru";
import { queryOne } from "~/runtime/sql.server";
import { openSseResponse, type ClientRequest } from "~/runtime/sse.server";
import type { InboxViewer } from "./access.server";
import { PREVIEW_CHANNEL } from "~/vocabulary/channels";

// A conversation's channel never changes: remember the preview runs' ids instead of reading per event.
const previewById = new LruCache<string, boolean>(20_000);

/** The conversation's current status, or null for a preview run (never shown) or a missing row. */
async function readStatus(conversationId: string): Promise<string | null> {
  if (previewById.get(conversationId) === true) return null;
  const row = await queryOne<{ channel: unknown; status: unknown }>(`SELECT "channel", "status" FROM "Conversation" WHERE "id" = ?`, [conversationId]);
  if (!row) return null;
  const preview = row.channel === PREVIEW_CHANNEL;
  previewById.set(conversationId, preview);
  return preview ? null : String(row.status);
}

/** `status` is the conversation's status now: the page ignores the bot's chatter unless it shows it. */
export type InboxChange = { conversationId: string; type: "message" | "status" | "rating"; status: string; role?: string };
export type InboxHandoff = { conversationId: string; teamName: string };

export function openInboxEventStream(input: { viewer: InboxViewer; request: ClientRequest; conversationId?: string }): Response {
  const { viewer } = input;
  const channelsToHear: LiveChannel[] = viewer.isAdmin ? ["inbox"] : viewer.teams.map((team) => `team:${team.id}` as const);
  if (input.conversationId) channelsToHear.push(`conversation:${input.conversationId}`);
  return openSseResponse(input.request, (send) => {
    let last: LiveEvent | null = null;
    // Events are forwarded one after another, in the order they came, while each awaits its read.
    let forwarding = Promise.resolve();
    const onEvent = (event: LiveEvent) => {
      // One event reaches a listener on several channels (conversation, team, inbox): pass it once.
      if (event === last) return;
      last = event;
      forwarding = forwarding.then(() => forward(event)).catch((error: unknown) => console.warn("[inbox stream] an event was not forwarded:", error));
    };
    const forward = async (event: LiveEvent) => {
      const status = await readStatus(event.conversationId);
      if (status === null) return;
      const change: InboxChange =
        event.type === "message"
          ? { conversationId: event.conversationId, type: "message", status, role: event.message.role }
          : event.type === "rating"
            ? { conversationId: event.conversationId, type: "rating", status }
            : { conversationId: event.conversationId, type: "status", status: event.status };
      send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      if (event.type !== "status" || event.status !== "waiting") return;
      const team = viewer.teams.find((candidate) => candidate.id === event.teamId);
      if (!team) return;
      const handoff: InboxHandoff = { conversationId: event.conversationId, teamName: team.name };
      send(`event: handoff\ndata: ${JSON.stringify(handoff)}\n\n`);
    };
    const unsubscribes = channelsToHear.map((channel) => subscribe(channel, onEvent));
    send(`event: ready\ndata: {}\n\n`);
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  });
}
