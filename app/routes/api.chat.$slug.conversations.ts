import { z } from "zod";
import { serializeChatCookie } from "~/runtime/api/auth.server";
import { isWellFormedText, parseJsonBody } from "~/runtime/api/body.server";
import { cleanInlineText } from "~/runtime/api/text";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";
import { readVisitorKey } from "~/contacts/visitor.server";
import { createConversation } from "~/runtime/conversations.server";
import type { ApiArgs } from "~/runtime/api/request";
import { CUSTOMER_CHANNELS } from "~/vocabulary/channels";

export function loader() {
  return methodNotAllowed("POST");
}

/** Free one-line text: lone surrogates refused, control characters dropped; empty means not given. */
const InlineText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(isWellFormedText, "contains an invalid character")
    .transform((value) => cleanInlineText(value) || undefined);

const StartConversationSchema = z.strictObject({
  contact: z
    .strictObject({
      name: InlineText(200).optional(),
      email: z.string().trim().max(254).pipe(z.email()).optional(),
    })
    .optional(),
  page: InlineText(2048).optional(),
  channel: z.enum(CUSTOMER_CHANNELS).optional(),
});

export async function action({ request, params, context }: ApiArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const limited = await checkRateLimit(`start:${clientAddress(context)}`);
  if (limited) return limited;
  const slug = params.slug ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) return apiError(404, "flow_not_found", "No published flow with this address.");
  const body = await parseJsonBody(request, StartConversationSchema, { emptyAs: {} });
  if (!body.ok) return body.response;

  const created = await createConversation({
    slug,
    contact: body.data.contact,
    visitorKey: readVisitorKey(request),
    page: body.data.page,
    channel: body.data.channel ?? "web",
  });
  if (!created) return apiError(404, "flow_not_found", "No published flow with this address.");
  const { conversationId, token, status, messages } = created;
  return apiJson(
    { conversationId, token, status, messages },
    { status: 201, headers: { "Set-Cookie": serializeChatCookie(request, slug, conversationId, token) } },
  );
}
