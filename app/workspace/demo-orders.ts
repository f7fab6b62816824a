/**
 * The demo workspace's order system: a handful of made-up orders that Baton itself serves at
 * /api/demo/orders/:id, so the "Order status" starter flow makes a real API call on a fresh
 * install with nothing configured. Every answer says it is demo data.
 */
export type DemoOrder = {
  id: string;
  status: "processing" | "shipped" | "delivered" | "cancelled";
  carrier: string | null;
  tracking: string | null;
  estimatedDelivery: string | null;
  items: Array<{ name: string; quantity: number }>;
};

export const DEMO_ORDERS: DemoOrder[] = [
  { id: "10001", status: "shipped", carrier: "DHL", tracking: "JD014600006281230", estimatedDelivery: "2026-12-09", items: [{ name: "Merino crew sweater, navy, M", quantity: 1 }] },
  { id: "10002", status: "processing", carrier: null, tracking: null, estimatedDelivery: "2026-12-12", items: [{ name: "Linen shirt, white, L", quantity: 2 }] },
  { id: "10003", status: "delivered", carrier: "UPS", tracking: "1Z999AA10123456784", estimatedDelivery: "2026-12-02", items: [{ name: "Canvas tote, sand", quantity: 1 }] },
  { id: "10004", status: "cancelled", carrier: null, tracking: null, estimatedDelivery: null, items: [{ name: "Rain jacket, olive, S", quantity: 1 }] },
];

export const DEMO_NOTICE = "Demo data served by Baton for the demo workspace: these orders are made up.";

export function findDemoOrder(id: string): DemoOrder | null {
  return DEMO_ORDERS.find((order) => order.id === id) ?? null;
}
