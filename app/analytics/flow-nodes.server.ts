/** Loads the node lists of flows from their published versions (or the draft before a first publish). */
import { db } from "~/utils/db.server";
import { listFlowNodes, mergeFlowNodes, type FlowNodeInfo } from "./flow-nodes";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function loadFlowNodes(flowIds: string[]): Promise<Map<string, FlowNodeInfo[]>> {
  if (flowIds.length === 0) return new Map();
  const [versions, flows] = await Promise.all([
    db.flowVersion.findMany({
      where: { flowId: { in: flowIds }, number: { not: null } },
      orderBy: { number: "desc" },
      select: { flowId: true, document: true },
    }),
    db.flow.findMany({ where: { id: { in: flowIds } }, select: { id: true, draft: true } }),
  ]);
  const result = new Map<string, FlowNodeInfo[]>();
  for (const flow of flows) {
    const documents = versions.filter((version) => version.flowId === flow.id).map((version) => version.document);
    const lists = (documents.length > 0 ? documents : [flow.draft]).map((document) => listFlowNodes(parseJson(document)));
    result.set(flow.id, mergeFlowNodes(lists));
  }
  return result;
}
