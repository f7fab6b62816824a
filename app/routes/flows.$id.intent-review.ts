/**
 * The intent step's "Messages this step wasn't sure about" (app/nodes/intent/review-panel.tsx):
 *   GET  ?nodeId=… → 200 { items } (app/flow-admin/intent-review.server.ts)
 *   POST { nodeId, text } → 200 { dismissed: true }: the message is hidden for this flow's step from then on.
 * Admins only, like the builder. Adding a message to an intent is an edit of the draft and goes
 * through the editor's autosave, not through here.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { dismissIntentReviewMessage, listIntentReview } from "~/flow-admin/intent-review.server";
import { MAX_EXAMPLE_LENGTH } from "~/nodes/intent/schema";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";
import { db } from "~/utils/db.server";

const NodeIdSchema = z.string().min(1).max(64);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const nodeId = NodeIdSchema.safeParse(new URL(request.url).searchParams.get("nodeId"));
  if (!nodeId.success) return apiError(400, "invalid_node", "Say which step: ?nodeId=…", { field: "nodeId" });
  const flow = await db.flow.findUnique({ where: { id: params.id ?? "" }, select: { id: true } });
  if (!flow) return apiError(404, "not_found", "This flow no longer exists.");
  return apiJson({ items: await listIntentReview({ flowId: flow.id, nodeId: nodeId.data }) });
}

const DismissSchema = z.strictObject({
  nodeId: NodeIdSchema,
  // Stored texts are cut to an example's length, and so are the ones shown.
  text: z.string().trim().min(1).max(MAX_EXAMPLE_LENGTH),
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  if (request.method !== "POST") return methodNotAllowed("POST");
  const body = await parseJsonBody(request, DismissSchema);
  if (!body.ok) return body.response;
  const dismissed = await dismissIntentReviewMessage({ flowId: params.id ?? "", ...body.data });
  return dismissed ? apiJson({ dismissed: true }) : apiError(404, "not_found", "This flow no longer exists.");
}
