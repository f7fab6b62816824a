/** Downloads the draft as `<slug>.json` in the stable key order of flows/ (diffable in git). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { exportDraft } from "~/flow-admin/editor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const exported = await exportDraft(params.id ?? "");
  if (!exported) throw new Response("Flow not found", { status: 404 });
  return new Response(exported.text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
