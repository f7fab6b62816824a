/**
 * The intent step's "test phrases" box: POST { nodeId, intents, threshold, text } (the draft's
 * intents, as typed) → 200 { social, intent, ranked }. Admins only; nothing is stored.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { testIntentPhrase } from "~/flow-admin/intent-test.server";
import { IntentListSchema } from "~/nodes/intent/schema";
import { parseJsonBody } from "~/runtime/api/body.server";
import { apiJson, methodNotAllowed } from "~/runtime/api/responses.server";

export function loader() {
  return methodNotAllowed("POST");
}

const IntentTestSchema = z.strictObject({
  nodeId: z.string().min(1).max(64),
  intents: IntentListSchema,
  threshold: z.number().min(0).max(1),
  text: z.string().trim().min(1).max(500),
});

const MAX_BODY_BYTES = 512 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  if (request.method !== "POST") return methodNotAllowed("POST");
  const body = await parseJsonBody(request, IntentTestSchema, { maxBytes: MAX_BODY_BYTES });
  if (!body.ok) return body.response;
  return apiJson(await testIntentPhrase(body.data));
}
