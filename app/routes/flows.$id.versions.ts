/** The published versions of a flow, newest first (version history in the editor). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { listVersions } from "~/flow-admin/editor.server";
import { apiError, apiJson } from "~/runtime/api/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const versions = await listVersions(params.id ?? "");
  return versions ? apiJson({ versions }) : apiError(404, "not_found", "This flow no longer exists.");
}
