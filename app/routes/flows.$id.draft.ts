/**
 * The editor's draft. GET → { document, revision } (the stored draft, after a save conflict);
 * POST { baseRevision, document } → { revision } | 409 when someone saved in between (autosave).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { EDITOR_BODY_BYTES, getDraft, saveDraft } from "~/flow-admin/editor.server";
import { parseFlowDocument } from "~/flow";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const draft = await getDraft(params.id ?? "");
  return draft ? apiJson(draft) : apiError(404, "not_found", "This flow no longer exists.");
}

const SaveDraftSchema = z.strictObject({ baseRevision: z.number().int().nonnegative(), document: z.unknown() });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  if (request.method !== "POST") return methodNotAllowed("POST");
  const body = await parseJsonBody(request, SaveDraftSchema, { maxBytes: EDITOR_BODY_BYTES });
  if (!body.ok) return body.response;
  const parsed = parseFlowDocument(body.data.document);
  if (!parsed.ok) return apiJson({ error: { code: "invalid_document", message: parsed.errors[0]?.message ?? "Invalid flow document." }, errors: parsed.errors }, { status: 400 });
  const outcome = await saveDraft(params.id ?? "", body.data.baseRevision, parsed.document);
  if (outcome.ok) return apiJson({ revision: outcome.revision, unpublishedChanges: outcome.unpublishedChanges });
  if (outcome.reason === "conflict") {
    return apiJson({ error: { code: "conflict", message: "Someone saved this flow in another tab or browser." }, revision: outcome.revision }, { status: 409 });
  }
  return apiError(404, "not_found", "This flow no longer exists.");
}
