/**
 * The compile diagnostics of a document that does NOT parse, so an import can list every
 * problem in one go (a bad field in one node must not hide an edge to a missing node or an
 * unknown team elsewhere). The nodes, edges and settings that parse on their own are checked as
 * usual; a node that does not parse is kept as a stand-in (its kind's defaults) so the graph
 * around it stays connected, and everything that depends on a stand-in is left out: its own
 * diagnostics, those of its connections, and the whole-graph checks (reachability, loops,
 * fields never collected) that a stand-in or a dropped connection could make wrong. The parse errors themselves come
 * from parseFlowDocument.
 */
import { NODE_KINDS, type NodeKind } from "~/nodes/kinds";
import { getNodeKind } from "~/nodes/registry";
import { FlowEdgeSchema, FlowNodeSchema, FlowSettingsSchema, type FlowDocument, type FlowEdge, type FlowNode, type FlowSettings } from "./document";
import { diagnoseFlow, type CompileOptions, type Diagnostic } from "./diagnostics";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

const WHOLE_GRAPH_CHECKS = new Set(["unreachable-node", "loop-without-wait", "unknown-field"]);

const PLACEHOLDER_SETTINGS: FlowSettings = {
  defaultTeam: DEFAULT_TEAM,
  humanRequest: { enabled: false, team: DEFAULT_TEAM, priority: "normal" },
  repeatedFailure: { enabled: false, limit: 2, team: DEFAULT_TEAM, priority: "normal" },
  sensitive: { enabled: false, terms: [], team: DEFAULT_TEAM, priority: "high" },
};

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isKind(value: unknown): value is NodeKind {
  return typeof value === "string" && (NODE_KINDS as readonly string[]).includes(value);
}

export function diagnoseUnparsedFlow(json: unknown, options: CompileOptions = {}): Diagnostic[] {
  if (!json || typeof json !== "object" || Array.isArray(json)) return [];
  const raw = json as { settings?: unknown; nodes?: unknown; edges?: unknown };
  const settings = FlowSettingsSchema.safeParse(raw.settings);
  const nodes: FlowNode[] = [];
  const standIns = new Set<string>();
  const ids = new Set<string>();
  for (const candidate of listOf(raw.nodes)) {
    const parsed = FlowNodeSchema.safeParse(candidate);
    if (parsed.success && !ids.has(parsed.data.id)) {
      nodes.push(parsed.data as FlowNode);
      ids.add(parsed.data.id);
      continue;
    }
    const { id, kind } = (candidate ?? {}) as { id?: unknown; kind?: unknown };
    if (typeof id !== "string" || ids.has(id)) continue;
    ids.add(id);
    standIns.add(id);
    // An unknown kind stands in as a message (one "next" output): only its position in the graph matters.
    const standInKind: NodeKind = isKind(kind) ? kind : "message";
    nodes.push({ id, kind: standInKind, position: { x: 0, y: 0 }, data: getNodeKind(standInKind).createData() } as FlowNode);
  }
  // A connection that does not parse leaves its source's output looking unconnected: do not say so.
  const brokenEdgeSources = new Set<string>();
  let brokenEdges = 0;
  const edges = listOf(raw.edges).flatMap((candidate): FlowEdge[] => {
    const parsed = FlowEdgeSchema.safeParse(candidate);
    if (parsed.success) return [parsed.data];
    brokenEdges += 1;
    const { source } = (candidate ?? {}) as { source?: unknown };
    if (typeof source === "string") brokenEdgeSources.add(source);
    return [];
  });
  const guessing = standIns.size > 0 || brokenEdges > 0;
  const touchesStandIn = new Set(edges.filter((edge) => standIns.has(edge.source) || standIns.has(edge.target)).map((edge) => edge.id));
  const document: FlowDocument = { schemaVersion: 1, name: "unparsed", slug: "unparsed", settings: settings.success ? settings.data : PLACEHOLDER_SETTINGS, nodes, edges };
  return diagnoseFlow(document, options).diagnostics.filter((diagnostic) => {
    if (diagnostic.nodeId && standIns.has(diagnostic.nodeId)) return false;
    if (diagnostic.edgeId && touchesStandIn.has(diagnostic.edgeId)) return false;
    if (guessing && WHOLE_GRAPH_CHECKS.has(diagnostic.code)) return false;
    if (diagnostic.code === "unconnected-output" && diagnostic.nodeId && brokenEdgeSources.has(diagnostic.nodeId)) return false;
    if (!settings.success && diagnostic.field?.startsWith("settings.")) return false;
    return true;
  });
}
