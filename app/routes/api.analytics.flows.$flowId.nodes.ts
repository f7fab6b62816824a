/**
 * GET /api/analytics/flows/:flowId/nodes?range=30d (or range=custom&from=…&to=…), admins only:
 * the flow's per-node funnel (getNodeFunnel) for the builder's canvas overlay.
 * 401 signed out, 403 for agents, 400 for a bad range, 404 for an unknown flow.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNodeFunnel } from "~/analytics/node-funnel.server";
import { parseQuery } from "~/analytics/query";
import { RangeQuerySchema, resolveRange } from "~/analytics/range";
import { getUser } from "~/auth/guards.server";
import { apiError, apiJson } from "~/runtime/api/responses.server";
import { db } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return apiError(401, "unauthorized", "Sign in first.");
  if (user.role !== "admin") return apiError(403, "forbidden", "Only admins can read flow analytics.");
  const parsed = parseQuery(RangeQuerySchema, new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, "invalid_range", parsed.message, { field: parsed.field });
  const flow = await db.flow.findUnique({ where: { id: params.flowId ?? "" }, select: { id: true } });
  if (!flow) return apiError(404, "not_found", "Flow not found.");
  return apiJson(await getNodeFunnel(flow.id, resolveRange(parsed.query)));
}
