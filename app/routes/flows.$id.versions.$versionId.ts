/** One published version's document, for "restore as draft". */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { getVersionDocument } from "~/flow-admin/editor.server";
import { apiError, apiJson } from "~/runtime/api/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const document = await getVersionDocument(params.id ?? "", params.versionId ?? "");
  return document ? apiJson({ document }) : apiError(404, "not_found", "That version does not exist.");
}
