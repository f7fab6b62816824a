/**
 * The canvas analytics overlay's numbers: the flow's per-node funnel (GET
 * /api/analytics/flows/:flowId/nodes, analytics/node-funnel.server.ts) laid onto the steps of the
 * draft on screen. The funnel counts the published versions, so a step added since publishing has
 * no numbers, and a step deleted since then has numbers but no card (the summary says how many).
 */
import { z } from "zod";
import type { NodeTraffic } from "./canvas-types";

const FunnelResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  conversations: z.number().int().nonnegative(),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      kind: z.string().nullable(),
      passed: z.number().int().nonnegative(),
      droppedOff: z.number().int().nonnegative(),
      escalated: z.number().int().nonnegative(),
      apiCalls: z.number().int().nonnegative().default(0),
      apiFailures: z.number().int().nonnegative().default(0),
    }),
  ),
});
export type FunnelResponse = z.infer<typeof FunnelResponseSchema>;

export function parseFunnelResponse(body: unknown): FunnelResponse | null {
  const parsed = FunnelResponseSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export type OverlaySummary = {
  conversations: number;
  escalated: number;
  droppedOff: number;
  /** Steps no longer in the draft that conversations of the range went through. */
  removedSteps: number;
};

export function summariseFunnel(funnel: FunnelResponse, nodeIds: readonly string[]): OverlaySummary {
  const onCanvas = new Set(nodeIds);
  let escalated = 0;
  let droppedOff = 0;
  let removedSteps = 0;
  for (const row of funnel.nodes) {
    escalated += row.escalated;
    droppedOff += row.droppedOff;
    if (!onCanvas.has(row.nodeId) && row.passed + row.escalated + row.droppedOff > 0) removedSteps += 1;
  }
  return { conversations: funnel.conversations, escalated, droppedOff, removedSteps };
}

/**
 * One entry per step of the draft. The map is built once per funnel answer and per set of step
 * ids (not per keystroke), so the canvas keeps every card's data object while the person types.
 */
export function mapTraffic(funnel: FunnelResponse, nodeIds: readonly string[]): ReadonlyMap<string, NodeTraffic> {
  const rows = new Map(funnel.nodes.map((row) => [row.nodeId, row]));
  const traffic = new Map<string, NodeTraffic>();
  for (const id of nodeIds) {
    const row = rows.get(id);
    traffic.set(
      id,
      row
        ? {
            passed: row.passed,
            droppedOff: row.droppedOff,
            escalated: row.escalated,
            share: funnel.conversations === 0 ? 0 : row.passed / funnel.conversations,
            apiCalls: row.apiCalls,
            apiFailures: row.apiFailures,
            unpublished: false,
          }
        : { passed: 0, droppedOff: 0, escalated: 0, share: 0, apiCalls: 0, apiFailures: 0, unpublished: true },
    );
  }
  return traffic;
}
