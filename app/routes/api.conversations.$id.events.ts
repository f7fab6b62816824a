import { requireConversationToken } from "~/runtime/api/auth.server";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { methodNotAllowed, notFound } from "~/runtime/api/responses.server";
import { openCustomerEventStream } from "~/runtime/customer-stream.server";
import type { ApiArgs } from "~/runtime/api/request";

/**
 * Server-sent events for the chat page: `message` events (id = the message's seq) and `status`
 * events. Resuming: the Last-Event-ID header (sent by reconnecting clients) or `?after=<seq>`
 * replays the stored messages after that seq first, so nothing is missed in between.
 */
export async function loader({ request, params, context }: ApiArgs) {
  const token = await requireConversationToken(request, params.id);
  const limited = await checkRateLimit(`read:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const afterSeq = readSeq(request.headers.get("last-event-id")) ?? readSeq(new URL(request.url).searchParams.get("after"));
  const stream = await openCustomerEventStream({ conversationId: params.id as string, request, afterSeq });
  return stream ?? notFound();
}

export function action() {
  return methodNotAllowed("GET");
}

/** A non-negative integer seq, else null (an unreadable value means "no resume point"). */
function readSeq(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}
