/**
 * POST /inbox/:conversationId/messages — an agent's reply or internal note, from the composer
 * (fetch with retries: the same clientMessageId again is stored once and answered "sent").
 * Same guards as the conversation page: signed in, the conversation's team (the same 404 as an unknown id).
 * Answers JSON: { ok, intent, notice, line } (line: the stored message as the transcript shows it) or
 * { ok: false, intent, message, field? } with 4xx; to an agent it has left (moved to another team, or
 * back to its queue as they left the team), 403 { ok: false, message, moved }.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { getInboxViewer, requireConversationAccess } from "~/inbox/access.server";
import { addInternalNote, replyAsAgent } from "~/inbox/actions.server";
import { movedAwayReply } from "~/inbox/moved-away.server";
import { readSentLine } from "~/inbox/conversation-view.server";
import { ComposeSchema, firstIssue, type InboxActionData } from "~/inbox/schemas";
import { apiJson, methodNotAllowed } from "~/runtime/api/responses.server";

export function loader() {
  return methodNotAllowed("POST");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed("POST");
  const viewer = await getInboxViewer(await requireUser(request));
  const { id } = await requireConversationAccess(viewer, params.conversationId, movedAwayReply);
  const form = Object.fromEntries(await request.formData());
  const parsed = ComposeSchema.safeParse(form);
  if (!parsed.success) return apiJson(firstIssue(parsed.error, String(form.intent ?? "")), { status: 400 });
  const { intent, clientMessageId, text } = parsed.data;
  const outcome =
    intent === "reply"
      ? await replyAsAgent(viewer, { conversationId: id, clientMessageId, text })
      : await addInternalNote(viewer, { conversationId: id, clientMessageId, text });
  if (!outcome.ok) {
    const refused: InboxActionData = { ok: false, intent, message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) };
    return apiJson(refused, { status: outcome.status });
  }
  // The stored line (a repeat of the same clientMessageId finds the first one): the composer shows it as sent at once.
  const line = await readSentLine(id, clientMessageId);
  return apiJson({ ok: true, intent, notice: outcome.notice, line }, { status: 200 });
}
