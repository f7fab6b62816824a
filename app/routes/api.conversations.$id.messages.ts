import { z } from "zod";
import { requireConversationToken } from "~/runtime/api/auth.server";
import { parseJsonBody } from "~/runtime/api/body.server";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { apiError, apiJson, methodNotAllowed, notFound } from "~/runtime/api/responses.server";
import { cleanCustomerText } from "~/runtime/api/text";
import { ConversationNotFoundError, handleCustomerMessage } from "~/runtime/turn.server";
import type { ApiArgs } from "~/runtime/api/request";

export function loader() {
  return methodNotAllowed("POST");
}

const MAX_TEXT_LENGTH = 4000;

const SendMessageSchema = z.strictObject({
  clientMessageId: z.string().min(1).max(64),
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
});

export async function action({ request, params, context }: ApiArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const token = await requireConversationToken(request, params.id);
  const limited = await checkRateLimit(`turn:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const body = await parseJsonBody(request, SendMessageSchema, {
    oversize: { code: "too_long", field: "text", message: `text must be at most ${MAX_TEXT_LENGTH} characters.` },
  });
  if (!body.ok) return body.response;
  const text = cleanCustomerText(body.data.text);
  if (!text.ok) return apiError(400, text.code, text.message, { field: "text" });

  try {
    const reply = await handleCustomerMessage({
      conversationId: params.id as string,
      clientMessageId: body.data.clientMessageId,
      text: text.text,
    });
    return apiJson(reply);
  } catch (error) {
    // Deleted between the token check and the turn: the same answer as any unknown id.
    if (error instanceof ConversationNotFoundError) return notFound();
    throw error;
  }
}
