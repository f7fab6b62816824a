/**
 * GET /chat/:slug/details?conversation=<id> (Authorization: Bearer <token> or the chat cookie):
 * what the chat page shows beyond the public API's transcript — team, wait estimate, the
 * assigned agent's and message authors' first names, feedback already given. Same token rule
 * and rate limit as the public API; any failure is the API's 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireConversationToken } from "~/runtime/api/auth.server";
import { checkRateLimit, clientAddress } from "~/runtime/api/rate-limit.server";
import { apiJson, notFound } from "~/runtime/api/responses.server";
import { getConversationDetails } from "~/chat/conversation-details.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const conversationId = new URL(request.url).searchParams.get("conversation") ?? undefined;
  const token = await requireConversationToken(request, conversationId);
  const limited = await checkRateLimit(`read:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const details = await getConversationDetails(conversationId as string, params.slug ?? "");
  return details ? apiJson(details) : notFound();
}
