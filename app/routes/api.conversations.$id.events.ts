import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConversationToken } from "~/runtime/api/auth.server";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { methodNotAllowed, notFound } from "~/runtime/api/responses.server";
import { openCustomerEventStream } from "~/runtime/customer-stream.server";
import { getCustomerView } from "~/runtime/conversations.server";

/**
 * Server-sent events for the chat page: `message` events (id = the message's seq, so a
 * reconnect with Last-Event-ID resumes without gaps) and `status` events.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = await requireConversationToken(request, params.id);
  const limited = checkRateLimit(`read:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const conversationId = params.id as string;
  const lastEventId = Number(request.headers.get("last-event-id") ?? "0");
  const view = await getCustomerView(conversationId, Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : Number.MAX_SAFE_INTEGER);
  if (!view) return notFound();
  return openCustomerEventStream({ conversationId, signal: request.signal, backlog: view.messages, status: view.status, team: view.team });
}

export function action() {
  return methodNotAllowed("GET");
}
