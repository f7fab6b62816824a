/**
 * The intent step's "Messages this step wasn't sure about" (app/nodes/intent/review-panel.tsx):
 *   GET  ?nodeId=…&threshold=0.75 → 200 { items, threshold } (app/flow-admin/intent-review.server.ts):
 *        the list under that threshold's review cut-off; without `threshold`, the step's in the draft.
 *   POST { nodeId, text } → 200 { dismissed: true }: the message is hidden for this flow's step from then on.
 * Admins only, like the builder. Adding a message to an intent is an edit of the draft and goes
 * through the editor's autosave, not through here.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { dismissIntentReviewMessage, listIntentReview, readDraftThreshold } from "~/flow-admin/intent-review.server";
import { MAX_EXAMPLE_LENGTH } from "~/nodes/intent/schema";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiError, apiJson, methodNotAllowed } from "~/runtime/api/responses.server";
import { db } from "~/utils/db.server";

const NodeIdSchema = z.string().min(1).max(64);
const ThresholdSchema = z.coerce.number().min(0).max(1).optional();

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const search = new URL(request.url).searchParams;
  const nodeId = NodeIdSchema.safeParse(search.get("nodeId"));
  if (!nodeId.success) return apiError(400, "invalid_node", "Say which step: ?nodeId=…", { field: "nodeId" });
  const asked = ThresholdSchema.safeParse(search.get("threshold") ?? undefined);
  if (!asked.success) return apiError(400, "invalid_threshold", "The threshold is a number from 0 to 1: ?threshold=0.7", { field: "threshold" });
  const flow = await db.flow.findUnique({ where: { id: params.id ?? "" }, select: { id: true, draft: true } });
  if (!flow) return apiError(404, "not_found", "This flow no longer exists.");
  const threshold = asked.data ?? readDraftThreshold(flow.draft, nodeId.data);
  return apiJson({ items: await listIntentReview({ flowId: flow.id, nodeId: nodeId.data, threshold }), threshold });
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
