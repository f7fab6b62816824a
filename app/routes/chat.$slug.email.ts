/**
 * POST /chat/:slug/email?conversation=<id> { email } (Authorization: Bearer <token> or the chat
 * cookie): the customer leaves an email while nobody can answer (the handoff notice's offer).
 * Same token rule and rate limit as the public API; answers the page's details.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { saveAwayEmail } from "~/chat/away-email.server";
import { getConversationDetails } from "~/chat/conversation-details.server";
import { requireConversationToken } from "~/runtime/api/auth.server";
import { parseJsonBody } from "~/runtime/api/body.server";
import { checkRateLimit, clientAddress } from "~/runtime/api/rate-limit.server";
import { apiJson, methodNotAllowed, notFound } from "~/runtime/api/responses.server";

export function loader() {
  return methodNotAllowed("POST");
}

const EmailSchema = z.strictObject({ email: z.string().trim().max(254).pipe(z.email("is not an email address")) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const conversationId = new URL(request.url).searchParams.get("conversation") ?? undefined;
  const token = await requireConversationToken(request, conversationId);
  const limited = await checkRateLimit(`turn:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const body = await parseJsonBody(request, EmailSchema, { maxBytes: 1024 });
  if (!body.ok) return body.response;
  const slug = params.slug ?? "";
  if (!(await saveAwayEmail(conversationId as string, slug, body.data.email))) return notFound();
  const details = await getConversationDetails(conversationId as string, slug);
  return details ? apiJson(details) : notFound();
}
