import { z } from "zod";
import { requireConversationToken } from "~/runtime/api/auth.server";
import { parseJsonBody } from "~/runtime/api/body.server";
import { clientAddress, checkRateLimit } from "~/runtime/api/rate-limit.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";
import { submitCsat, submitKbFeedback } from "~/runtime/feedback.server";
import type { ApiArgs } from "~/runtime/api/request";

export function loader() {
  return methodNotAllowed("POST");
}

/** { messageId, helpful } or { csat }: one object schema, so each mistake names its field. */
const FeedbackSchema = z
  .strictObject({
    messageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a message id").optional(),
    helpful: z.boolean().optional(),
    csat: z.number().int().min(1).max(5).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.csat !== undefined) {
      const extra = body.messageId !== undefined ? "messageId" : body.helpful !== undefined ? "helpful" : null;
      if (extra) ctx.addIssue({ code: "custom", path: [extra], params: { code: "conflicting_fields" }, message: "Send either { csat } or { messageId, helpful }, not both." });
      return;
    }
    if (body.messageId === undefined) ctx.addIssue({ code: "custom", path: ["messageId"], params: { code: "required" }, message: "messageId is required (or send csat)." });
    else if (body.helpful === undefined) ctx.addIssue({ code: "custom", path: ["helpful"], params: { code: "required" }, message: "helpful is required." });
  })
  .transform((body): Feedback => (body.csat !== undefined ? { csat: body.csat } : { messageId: body.messageId as string, helpful: body.helpful as boolean }));

type Feedback = { csat: number } | { messageId: string; helpful: boolean };

const FAILURES = {
  message_not_found: { status: 404, message: "No such message in this conversation." },
  not_a_kb_answer: { status: 400, message: "Feedback is only for knowledge base answers." },
  not_resolved: { status: 409, message: "A rating is accepted once the conversation is resolved." },
} as const;

export async function action({ request, params, context }: ApiArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const token = await requireConversationToken(request, params.id);
  const limited = await checkRateLimit(`turn:${clientAddress(context)}:${token}`);
  if (limited) return limited;
  const body = await parseJsonBody(request, FeedbackSchema);
  if (!body.ok) return body.response;

  const conversationId = params.id as string;
  const outcome =
    "csat" in body.data
      ? await submitCsat({ conversationId, csat: body.data.csat })
      : await submitKbFeedback({ conversationId, messageId: body.data.messageId, helpful: body.data.helpful });
  if (!outcome.ok) {
    const failure = FAILURES[outcome.code];
    return apiError(failure.status, outcome.code, failure.message);
  }
  return apiJson(outcome.reply);
}
