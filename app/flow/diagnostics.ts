/**
 * Static checks of a flow document, each naming the node and field so the editor can show it
 * on the canvas. Errors block publishing; warnings are advice. Linear in the size of the flow.
 */
import { NODE_KINDS } from "~/nodes/kinds";
import { ENTRY_KIND, getNodeKind } from "~/nodes/registry";
import type { HandleDefinition } from "~/nodes/types";
import type { FlowDocument, FlowNode } from "./document";

export type Diagnostic = {
  severity: "error" | "warning";
  code: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
  message: string;
};

export type CompileOptions = {
  /** Known team slugs; when given, a route to any other team is an error. */
  teams?: string[];
  /** Fields the runtime fills before the flow starts (e.g. the contact's name). */
  knownFields?: string[];
  /** The workspace's API key names; when given, a step naming another key gets a warning. */
  credentials?: string[];
};

export type FlowGraph = {
  nodes: Map<string, FlowNode>;
  /** Each node's outputs, computed once (intent outputs are derived from its data). */
  handles: Map<string, HandleDefinition[]>;
  /** `${source}\u0000${handle}` → target node id (the first valid edge of an output). */
  routes: Map<string, string>;
};

/** "“Detect intent”, “Offer choices” or “Answer from knowledge base”": the kinds that pass a test, for messages. */
function kindNames(test: (kind: ReturnType<typeof getNodeKind>) => boolean): string {
  const names = NODE_KINDS.map(getNodeKind).filter(test).map((kind) => `“${kind.label}”`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : (names[0] ?? "another");
}

const entryLabel = () => getNodeKind(ENTRY_KIND).label;

export function isEntryNode(node: FlowNode | undefined): boolean {
  return node !== undefined && getNodeKind(node.kind).role === "entry";
}

export function isHandoffNode(node: FlowNode | undefined): boolean {
  return node !== undefined && getNodeKind(node.kind).role === "handoff";
}

export function routeKey(source: string, handle: string): string {
  return `${source}\u0000${handle}`;
}

export function buildGraph(document: FlowDocument, diagnostics?: Diagnostic[]): FlowGraph {
  const nodes = new Map(document.nodes.map((node) => [node.id, node] as const));
  const handles = new Map(document.nodes.map((node) => [node.id, getNodeKind(node.kind).handles(node.data)] as const));
  const routes = new Map<string, string>();
  for (const edge of document.edges) {
    const source = nodes.get(edge.source);
    if (!source) {
      diagnostics?.push({ severity: "error", code: "edge-missing-source", edgeId: edge.id, message: `A connection starts at a node that does not exist ("${edge.source}").` });
      continue;
    }
    if (!handles.get(source.id)?.some((handle) => handle.id === edge.sourceHandle)) {
      diagnostics?.push({ severity: "error", code: "unknown-handle", nodeId: source.id, edgeId: edge.id, field: edge.sourceHandle, message: `This node has no output "${edge.sourceHandle}": remove the connection or reconnect it.` });
      continue;
    }
    if (!nodes.has(edge.target)) {
      diagnostics?.push({ severity: "error", code: "edge-missing-target", nodeId: source.id, edgeId: edge.id, field: edge.sourceHandle, message: `The "${edge.sourceHandle}" output leads to a node that does not exist ("${edge.target}").` });
      continue;
    }
    const key = routeKey(source.id, edge.sourceHandle);
    if (routes.has(key)) {
      diagnostics?.push({ severity: "error", code: "duplicate-output", nodeId: source.id, edgeId: edge.id, field: edge.sourceHandle, message: `The "${edge.sourceHandle}" output is connected twice: an output leads to one next step.` });
      continue;
    }
    routes.set(key, edge.target);
  }
  return { nodes, handles, routes };
}

function successors(graph: FlowGraph, node: FlowNode): string[] {
  return (graph.handles.get(node.id) ?? [])
    .map((handle) => graph.routes.get(routeKey(node.id, handle.id)))
    .filter((target): target is string => target !== undefined);
}

function checkReachability(document: FlowDocument, graph: FlowGraph, startId: string, diagnostics: Diagnostic[]) {
  const seen = new Set([startId]);
  const queue = [startId];
  while (queue.length) {
    const node = graph.nodes.get(queue.pop() as string);
    if (!node) continue;
    for (const next of successors(graph, node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  for (const node of document.nodes) {
    if (!seen.has(node.id)) diagnostics.push({ severity: "warning", code: "unreachable-node", nodeId: node.id, message: "No path from the start leads here: the bot never reaches this step." });
  }
}

/** Tarjan's strongly connected components over the nodes that may not wait, iteratively. */
function checkLoopsWithoutWaiting(document: FlowDocument, graph: FlowGraph, diagnostics: Diagnostic[]): Set<string> {
  const inLoops = new Set<string>();
  const candidates = document.nodes.filter((node) => !getNodeKind(node.kind).waitsForCustomer);
  const next = new Map(candidates.map((node) => [node.id, successors(graph, node).filter((id) => {
    const target = graph.nodes.get(id);
    return target !== undefined && !getNodeKind(target.kind).waitsForCustomer;
  })]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
  };
  for (const root of candidates) {
    if (index.has(root.id)) continue;
    const work: Array<{ id: string; child: number }> = [{ id: root.id, child: 0 }];
    visit(root.id);
    while (work.length) {
      const frame = work[work.length - 1];
      const children = next.get(frame.id) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++];
        if (!index.has(child)) {
          visit(child);
          work.push({ id: child, child: 0 });
        } else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1].id, Math.min(low.get(work[work.length - 1].id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = component.length === 1 && children.includes(frame.id);
      if (component.length < 2 && !selfLoop) continue;
      for (const id of component) inLoops.add(id);
      const names = component.reverse().join(" → ");
      for (const id of component) {
        diagnostics.push({ severity: "error", code: "loop-without-wait", nodeId: id, message: `These steps can repeat forever without waiting for the customer (${names}): add a ${kindNames((kind) => kind.waitsForCustomer)} step to the loop.` });
      }
    }
  }
  return inLoops;
}

export type FlowAnalysis = {
  diagnostics: Diagnostic[];
  graph: FlowGraph;
  /** Nodes on a loop that never waits: the compiler guards them against running away. */
  loopNodes: Set<string>;
};

export function diagnoseFlow(document: FlowDocument, options: CompileOptions = {}): FlowAnalysis {
  const diagnostics: Diagnostic[] = [];
  const graph = buildGraph(document, diagnostics);
  const starts = document.nodes.filter(isEntryNode);
  if (starts.length === 0) diagnostics.push({ severity: "error", code: "no-start", message: `The flow has no ${entryLabel()} step.` });
  for (const extra of starts.slice(1)) {
    diagnostics.push({ severity: "error", code: "multiple-starts", nodeId: extra.id, message: `A flow has exactly one ${entryLabel()} step: remove this one.` });
  }
  const teams = options.teams ? new Set(options.teams) : null;
  const captured = new Set(options.knownFields ?? []);
  const credentials = options.credentials ? new Set(options.credentials) : null;
  for (const node of document.nodes) for (const field of getNodeKind(node.kind).fieldsCaptured?.(node.data) ?? []) captured.add(field);
  for (const node of document.nodes) {
    const kind = getNodeKind(node.kind);
    for (const issue of kind.diagnose?.(node.data) ?? []) diagnostics.push({ ...issue, nodeId: node.id });
    for (const handle of graph.handles.get(node.id) ?? []) {
      if (handle.optional || graph.routes.has(routeKey(node.id, handle.id))) continue;
      diagnostics.push({ severity: "error", code: "unconnected-output", nodeId: node.id, field: handle.id, message: `Connect the "${handle.label}" output to the next step.` });
    }
    for (const team of kind.teams?.(node.data) ?? []) {
      if (teams && !teams.has(team)) diagnostics.push({ severity: "error", code: "unknown-team", nodeId: node.id, field: "team", message: `There is no team "${team}".` });
    }
    for (const credential of kind.credentials?.(node.data) ?? []) {
      if (credentials && !credentials.has(credential)) {
        diagnostics.push({ severity: "warning", code: "unknown-credential", nodeId: node.id, field: "credential", message: `There is no API key named "${credential}": add it on the API connections page, or the call fails.` });
      }
    }
    for (const { name, field } of kind.fieldsRead?.(node.data) ?? []) {
      if (!captured.has(name)) diagnostics.push({ severity: "warning", code: "unknown-field", nodeId: node.id, field, message: `No step collects "${name}" (${kindNames((kind) => kind.asksQuestions === true && kind.fieldsCaptured !== undefined)}), so it is always empty here.` });
    }
  }
  if (teams) {
    const { settings } = document;
    const settingTeams = [["defaultTeam", settings.defaultTeam], ["humanRequest.team", settings.humanRequest.team], ["repeatedFailure.team", settings.repeatedFailure.team], ["sensitive.team", settings.sensitive.team]];
    for (const [field, team] of settingTeams) {
      if (!teams.has(team)) diagnostics.push({ severity: "error", code: "unknown-team", field: `settings.${field}`, message: `There is no team "${team}".` });
    }
  }
  if (starts[0]) checkReachability(document, graph, starts[0].id, diagnostics);
  const loopNodes = checkLoopsWithoutWaiting(document, graph, diagnostics);
  return { diagnostics, graph, loopNodes };
}
