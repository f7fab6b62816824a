/**
 * Starts a preview run of the editor's current document: POST { document, previousConversationId? }
 * → 201 { conversationId, token, status, messages }. Turns then go through the public chat API.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { parseFlowDocument } from "~/flow";
import { EDITOR_BODY_BYTES } from "~/flow-admin/editor.server";
import { startPreview } from "~/flow-admin/preview.server";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";


export function loader() {
  return methodNotAllowed("POST");
}

const StartPreviewSchema = z.strictObject({ document: z.unknown(), previousConversationId: z.string().min(1).max(64).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  if (request.method !== "POST") return methodNotAllowed("POST");
  const body = await parseJsonBody(request, StartPreviewSchema, { maxBytes: EDITOR_BODY_BYTES });
  if (!body.ok) return body.response;
  const parsed = parseFlowDocument(body.data.document);
  if (!parsed.ok) return apiError(400, "invalid_document", parsed.errors[0]?.message ?? "Invalid flow document.");
  const started = await startPreview({ flowId: params.id ?? "", document: parsed.document, previousConversationId: body.data.previousConversationId });
  if (!started) return apiError(404, "not_found", "This flow no longer exists.");
  const { conversationId, token, status, messages } = started;
  return apiJson({ conversationId, token, status, messages }, { status: 201 });
}
