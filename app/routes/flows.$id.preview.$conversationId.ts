/** Where a preview run is: active node, captured fields, intent and confidence, handoff. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { readPreviewState } from "~/flow-admin/preview.server";
import { apiError, apiJson } from "~/runtime/api/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const state = await readPreviewState(params.id ?? "", params.conversationId ?? "");
  return state ? apiJson(state) : apiError(404, "not_found", "That preview run no longer exists.");
}
