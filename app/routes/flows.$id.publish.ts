/** Publish the saved draft as version N+1: POST { baseRevision } (refused while the draft has errors). */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { publishDraft } from "~/flow-admin/editor.server";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiJson, methodNotAllowed } from "~/runtime/api/responses.server";

export function loader() {
  return methodNotAllowed("POST");
}

const PublishSchema = z.strictObject({ baseRevision: z.number().int().nonnegative() });
const STATUS = { conflict: 409, "not-found": 404, archived: 409, invalid: 400 } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  if (request.method !== "POST") return methodNotAllowed("POST");
  const body = await parseJsonBody(request, PublishSchema);
  if (!body.ok) return body.response;
  const outcome = await publishDraft(params.id ?? "", body.data.baseRevision, user.id);
  if (outcome.ok) return apiJson(outcome);
  if (outcome.reason === "invalid") {
    return apiJson({ error: { code: "invalid", message: "Fix the problems marked on the canvas before publishing." }, errors: outcome.errors }, { status: STATUS.invalid });
  }
  return apiJson({ error: { code: outcome.reason, message: outcome.message } }, { status: STATUS[outcome.reason] });
}
