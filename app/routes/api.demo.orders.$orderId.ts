/**
 * GET /api/demo/orders/:orderId — the demo workspace's made-up order system (see
 * ~/workspace/demo-orders). Public on purpose: it holds no real data, and the "Order status"
 * starter flow calls it like any company API. 404 for an unknown order, 400 for a malformed id.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, apiJson } from "~/runtime/api/responses.server";
import { DEMO_NOTICE, findDemoOrder } from "~/workspace/demo-orders";

const OrderIdSchema = z.string().regex(/^\d{1,20}$/);

export function loader({ params }: LoaderFunctionArgs) {
  const id = OrderIdSchema.safeParse(params.orderId);
  if (!id.success) return apiError(400, "invalid_order_id", "An order number is digits only.");
  const order = findDemoOrder(id.data);
  if (!order) return apiError(404, "not_found", `There is no order ${id.data} in the demo data.`);
  return apiJson({ demo: true, notice: DEMO_NOTICE, order });
}
