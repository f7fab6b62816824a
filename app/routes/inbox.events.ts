/**
 * GET /inbox/events: the signed-in agent's live stream (text/event-stream; see
 * app/inbox/inbox-stream.server.ts). `?conversation=<id>` adds the open conversation's own
 * channel, after the same access check as its page (404).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { getInboxViewer, requireConversationAccess } from "~/inbox/access.server";
import { ensureInboxDispatcher } from "~/inbox/dispatcher.server";
import { openInboxEventStream } from "~/inbox/inbox-stream.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  ensureInboxDispatcher();
  const viewer = await getInboxViewer(user);
  const conversationId = new URL(request.url).searchParams.get("conversation");
  if (conversationId !== null) await requireConversationAccess(viewer, conversationId);
  return openInboxEventStream({ viewer, request, conversationId: conversationId ?? undefined });
}
