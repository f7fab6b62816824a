/**
 * Compiles a flow document to an XState machine. The generated config is plain data naming its
 * behaviour; the layout, which turn.ts and persisted snapshots rely on:
 * - one top-level state per node, keyed by node id (node ids are identifiers, never containing ".");
 * - one outcome state per output, `<nodeId>~<handle>`, that records `node.outcome`, counts failures
 *   (the repeated-failure trigger fires there), stops runaway loops and moves to the edge's target;
 * - `__handoff` (tag "handoff", not final: an agent can hand the conversation back) and
 *   `__ended` (tag "ended"); every state that waits for the customer has the tag "waiting".
 * Same document → same state ids, so a persisted snapshot always restores on its own version.
 */
import { getNodeKind } from "~/nodes/registry";
import { createInitialContext } from "~/nodes/shared/context";
import type { ActionRef, CompileContext, StateConfig, TransitionConfig } from "~/nodes/types";
import type { FlowDocument, FlowNode, FlowSettings } from "./document";
import { diagnoseFlow, routeKey, type CompileOptions, type Diagnostic, type FlowGraph } from "./diagnostics";
import { flowSetup, type FlowMachine, type FlowMachineConfig } from "./machine-setup";

export const MACHINE_ID = "flow";
export const HANDOFF_STATE = "__handoff";
export const ENDED_STATE = "__ended";
const NO_START_STATE = "__nostart";
const HANDOFF_TARGET = `#${MACHINE_ID}.${HANDOFF_STATE}`;
const ENDED_TARGET = `#${MACHINE_ID}.${ENDED_STATE}`;
const RECORD_MESSAGE: ActionRef = { type: "flow.recordCustomerMessage" };

export type CompiledFlow = { machine: FlowMachine; diagnostics: Diagnostic[] };

const nodeTarget = (nodeId: string) => `#${MACHINE_ID}.${nodeId}`;
const outcomeKey = (nodeId: string, handle: string) => `${nodeId}~${handle}`;

function errorHandoff(settings: FlowSettings, reason: string, nodeId?: string): ActionRef {
  return { type: "flow.handoff", params: { trigger: "error", team: settings.defaultTeam, priority: "normal", reason, nodeId } };
}

/** Trigger transitions, first in every waiting state: they win over the node's own handling. */
function compileTriggers(settings: FlowSettings): TransitionConfig[] {
  const triggers: TransitionConfig[] = [];
  const { sensitive, humanRequest } = settings;
  if (sensitive.enabled) {
    triggers.push({
      guard: { type: "trigger.isSensitive", params: { terms: sensitive.terms } },
      target: HANDOFF_TARGET,
      actions: [RECORD_MESSAGE, { type: "trigger.fire", params: { trigger: "sensitive", team: sensitive.team, priority: sensitive.priority, terms: sensitive.terms } }],
    });
  }
  if (humanRequest.enabled) {
    triggers.push({
      guard: "trigger.isHumanRequest",
      target: HANDOFF_TARGET,
      actions: [RECORD_MESSAGE, { type: "trigger.fire", params: { trigger: "humanRequest", team: humanRequest.team, priority: humanRequest.priority, terms: [] } }],
    });
  }
  return triggers;
}

function withWaiting(state: StateConfig, triggers: TransitionConfig[]): StateConfig {
  const own = (state.on?.["customer.message"] ?? []).map((t) => ({ ...t, actions: [RECORD_MESSAGE, ...(t.actions ?? [])] }));
  return { ...state, tags: [...(state.tags ?? []), "waiting"], on: { ...state.on, "customer.message": [...triggers, ...own] } };
}

function compileOutcome(node: FlowNode, handle: { id: string; label: string; failure?: boolean }, graph: FlowGraph, settings: FlowSettings): StateConfig {
  const target = graph.routes.get(routeKey(node.id, handle.id));
  const outcome: ActionRef = { type: "flow.outcome", params: { nodeId: node.id, handle: handle.id, failure: Boolean(handle.failure) } };
  const always: TransitionConfig[] = [];
  const { repeatedFailure } = settings;
  // When the author already routes this failure to a handoff, theirs wins over the global trigger.
  const targetIsHandoff = target !== undefined && graph.nodes.get(target)?.kind === "escalate";
  if (handle.failure && repeatedFailure.enabled && !targetIsHandoff) {
    always.push({
      guard: { type: "flow.isFailureLimitReached", params: { limit: repeatedFailure.limit } },
      target: HANDOFF_TARGET,
      actions: [outcome, { type: "flow.handoff", params: { trigger: "repeatedFailure", team: repeatedFailure.team, priority: repeatedFailure.priority, reason: `The bot could not help ${repeatedFailure.limit} times`, nodeId: node.id } }],
    });
  }
  always.push({ guard: "flow.isRunaway", target: HANDOFF_TARGET, actions: [outcome, errorHandoff(settings, "The flow kept running without waiting for the customer", node.id)] });
  always.push(
    target !== undefined
      ? { target: nodeTarget(target), actions: [outcome] }
      : { target: HANDOFF_TARGET, actions: [outcome, errorHandoff(settings, `The flow has no next step after "${handle.label}"`, node.id)] },
  );
  return { always };
}

function buildConfig(document: FlowDocument, graph: FlowGraph): FlowMachineConfig {
  const { settings } = document;
  const triggers = compileTriggers(settings);
  const states: Record<string, StateConfig> = {};
  for (const node of document.nodes) {
    const kind = getNodeKind(node.kind);
    const ctx: CompileContext = {
      nodeId: node.id,
      out: (handle) => nodeTarget(outcomeKey(node.id, handle)),
      waiting: (state) => withWaiting(state, triggers),
      engineFailed: (engine) => ({
        target: HANDOFF_TARGET,
        actions: [{ type: "flow.engineFailed", params: { engine, nodeId: node.id, team: settings.defaultTeam, priority: "normal" } }],
      }),
      handoffTarget: HANDOFF_TARGET,
      endedTarget: ENDED_TARGET,
    };
    const state = kind.compile({ id: node.id, data: node.data }, ctx);
    states[node.id] = { ...state, entry: [{ type: "flow.enterNode", params: { nodeId: node.id, kind: node.kind } }, ...(state.entry ?? [])] };
    for (const handle of kind.handles(node.data)) states[outcomeKey(node.id, handle.id)] = compileOutcome(node, handle, graph, settings);
  }
  // Handing back is only possible from the handoff state; turn.ts moves other states there first.
  const resume: TransitionConfig[] = document.nodes.map((node) => ({
    guard: { type: "flow.isResumeTarget", params: { nodeId: node.id } },
    target: nodeTarget(node.id),
    actions: [{ type: "flow.resume", params: { nodeId: node.id } }],
  }));
  states[HANDOFF_STATE] = { tags: ["handoff"], on: { "bot.resume": resume } };
  states[ENDED_STATE] = { tags: ["ended"] };
  const start = document.nodes.find((node) => node.kind === "start");
  if (!start) {
    states[NO_START_STATE] = { entry: [errorHandoff(settings, "The flow has no Start step")], always: [{ target: HANDOFF_TARGET }] };
  }
  const config = {
    id: MACHINE_ID,
    // Read by turn.ts when it must hand off without the document (a broken snapshot, a crash).
    meta: { defaultTeam: settings.defaultTeam },
    context: ({ input }: { input: { fields?: Record<string, string | number> } | undefined }) => createInitialContext(input?.fields),
    initial: start ? start.id : NO_START_STATE,
    states,
  };
  // The config is generated data: its shape is checked by the node compile steps' types, not by
  // XState's inference (which needs literal action names known at build time).
  return config as unknown as FlowMachineConfig;
}


/** Pure: the same document always gives the same machine and diagnostics. Never throws on a parsed document. */
export function compileFlow(document: FlowDocument, options: CompileOptions = {}): CompiledFlow {
  const { diagnostics, graph } = diagnoseFlow(document, options);
  const machine = flowSetup.createMachine(buildConfig(document, graph));
  return { machine, diagnostics };
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
