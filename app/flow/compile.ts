/**
 * Compiles a flow document to an XState machine. The generated config is plain data naming its
 * behaviour; the layout, which turn.ts and persisted snapshots rely on:
 * - one top-level state per node, keyed by node id (node ids are identifiers, never containing ".");
 * - outcomes are inlined into the node's transitions (the next `node.entered` records the output taken), except those
 *   that decide at run time, which get an outcome state `<nodeId>~<handle>` (see compileOutcomes);
 * - `__handoff` (tag "handoff", not final: an agent can hand the conversation back) and
 *   `__ended` (tag "ended"); every state that waits for the customer has the tag "waiting".
 * Same document → same state ids, so a persisted snapshot always restores on its own version.
 */
import { getNodeKind } from "~/nodes/registry";
import { createInitialContext } from "~/nodes/shared/context";
import { phrasesFor, type Phrases } from "~/nodes/shared/phrases";
import type { ActionRef, CompileContext, StateConfig, TransitionConfig } from "~/nodes/types";
import type { TriggerParams } from "./behaviour";
import type { FlowDocument, FlowNode, FlowSettings } from "./document";
import { diagnoseFlow, isEntryNode, isHandoffNode, routeKey, type CompileOptions, type Diagnostic, type FlowAnalysis } from "./diagnostics";
import { flowSetup, registerResumeVariant, type FlowMachine, type FlowMachineConfig } from "./machine-setup";

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

/**
 * The global triggers as one transition, first in every waiting state so it wins over the
 * node's own handling (one guard for all triggers keeps large machines small).
 */
function compileTriggers(settings: FlowSettings): TransitionConfig[] {
  const { sensitive, humanRequest } = settings;
  const params: TriggerParams = {
    ...(sensitive.enabled ? { sensitive: { team: sensitive.team, priority: sensitive.priority, terms: sensitive.terms } } : {}),
    ...(humanRequest.enabled ? { humanRequest: { team: humanRequest.team, priority: humanRequest.priority } } : {}),
  };
  if (!params.sensitive && !params.humanRequest) return [];
  return [{ guard: { type: "trigger.fires", params }, target: HANDOFF_TARGET, actions: [RECORD_MESSAGE, { type: "trigger.fire", params }] }];
}

function withWaiting(state: StateConfig, triggers: TransitionConfig[]): StateConfig {
  const transitions = [...triggers];
  for (const own of state.on?.["customer.message"] ?? []) transitions.push({ ...own, actions: own.actions ? [RECORD_MESSAGE, ...own.actions] : [RECORD_MESSAGE] });
  return { ...state, tags: state.tags ? [...state.tags, "waiting"] : ["waiting"], on: { ...state.on, "customer.message": transitions } };
}

/** Per node, without closures: a large flow compiles hundreds of these. */
class NodeCompileContext implements CompileContext {
  readonly handoffTarget = HANDOFF_TARGET;
  readonly endedTarget = ENDED_TARGET;
  readonly defaultTeam: string;
  readonly locale: string | undefined;
  readonly phrases: Phrases;
  constructor(
    readonly nodeId: string,
    private readonly triggers: TransitionConfig[],
    settings: FlowSettings,
  ) {
    this.defaultTeam = settings.defaultTeam;
    this.locale = settings.locale;
    this.phrases = phrasesFor(settings.locale);
  }
  out(handle: string): string {
    return OUTCOME_MARK + handle;
  }
  waiting(state: StateConfig): StateConfig {
    return withWaiting(state, this.triggers);
  }
  engineFailed(engine: "intents" | "knowledge"): TransitionConfig {
    return { target: HANDOFF_TARGET, actions: [{ type: "flow.engineFailed", params: { engine, nodeId: this.nodeId, team: this.defaultTeam, priority: "normal" } }] };
  }
}

type Handle = { id: string; label: string; failure?: boolean };

/**
 * Where an outcome leads. Most outcomes are inlined: the node's own transition gets the
 * `flow.outcome` action and the edge's target. Only outcomes that must decide something at run
 * time get an outcome state: a failure that may fire the repeated-failure trigger, or a node on
 * a loop that never waits (a draft with that error can still run in preview: it is stopped).
 */
function compileOutcomes(node: FlowNode, handles: Handle[], analysis: FlowAnalysis, settings: FlowSettings) {
  const { repeatedFailure } = settings;
  const inline = new Map<string, TransitionConfig>();
  const states: Record<string, StateConfig> = {};
  for (const handle of handles) {
    const target = analysis.graph.routes.get(routeKey(node.id, handle.id));
    const outcome: ActionRef = { type: "flow.outcome", params: { nodeId: node.id, handle: handle.id, failure: Boolean(handle.failure) } };
    const next: TransitionConfig =
      target !== undefined
        ? { target: nodeTarget(target), actions: [outcome] }
        : { target: HANDOFF_TARGET, actions: [outcome, errorHandoff(settings, `The flow has no next step after "${handle.label}"`, node.id)] };
    // When the author already routes this failure to a handoff, theirs wins over the global trigger.
    const targetIsHandoff = target !== undefined && isHandoffNode(analysis.graph.nodes.get(target));
    const countsFailure = Boolean(handle.failure) && repeatedFailure.enabled && !targetIsHandoff;
    const mayRunAway = analysis.loopNodes.has(node.id);
    if (!countsFailure && !mayRunAway) {
      inline.set(handle.id, next);
      continue;
    }
    const always: TransitionConfig[] = [];
    if (countsFailure) {
      always.push({
        guard: { type: "flow.isFailureLimitReached", params: { limit: repeatedFailure.limit } },
        target: HANDOFF_TARGET,
        actions: [outcome, { type: "flow.handoff", params: { trigger: "repeatedFailure", team: repeatedFailure.team, priority: repeatedFailure.priority, reason: `The bot could not help ${repeatedFailure.limit} times`, nodeId: node.id } }],
      });
    }
    if (mayRunAway) {
      always.push({ guard: "flow.isRunaway", target: HANDOFF_TARGET, actions: [outcome, errorHandoff(settings, "The flow kept running without waiting for the customer", node.id)] });
    }
    always.push(next);
    states[outcomeKey(node.id, handle.id)] = { always };
    inline.set(handle.id, { target: nodeTarget(outcomeKey(node.id, handle.id)) });
  }
  return { inline, states };
}

const OUTCOME_MARK = "\u0000outcome:";

function resolveTransition(transition: TransitionConfig, inline: Map<string, TransitionConfig>): TransitionConfig {
  if (!transition.target?.startsWith(OUTCOME_MARK)) return transition;
  const next = inline.get(transition.target.slice(OUTCOME_MARK.length));
  if (!next) throw new Error(`A compile step used an output it does not declare: ${transition.target.slice(OUTCOME_MARK.length)}`);
  return { ...transition, target: next.target, actions: [...(transition.actions ?? []), ...(next.actions ?? [])] };
}

function resolveList(list: TransitionConfig[], inline: Map<string, TransitionConfig>): TransitionConfig[] {
  const resolved: TransitionConfig[] = [];
  for (const transition of list) resolved.push(resolveTransition(transition, inline));
  return resolved;
}

/** Replaces the outcome marks a node's compile step left (`ctx.out(handle)`) with real targets. */
function resolveOutcomeMarks(state: StateConfig, inline: Map<string, TransitionConfig>): StateConfig {
  const resolved: StateConfig = { ...state };
  if (state.always) resolved.always = resolveList(state.always, inline);
  if (state.on) {
    resolved.on = {};
    for (const event in state.on) resolved.on[event] = resolveList(state.on[event], inline);
  }
  if (state.invoke) resolved.invoke = { ...state.invoke, onDone: resolveList(state.invoke.onDone, inline), onError: resolveList(state.invoke.onError, inline) };
  if (state.states) {
    resolved.states = {};
    for (const key in state.states) resolved.states[key] = resolveOutcomeMarks(state.states[key], inline);
  }
  return resolved;
}

function buildConfig(document: FlowDocument, analysis: FlowAnalysis) {
  const { settings } = document;
  const triggers = compileTriggers(settings);
  const states: Record<string, StateConfig> = {};
  for (const node of document.nodes) {
    const kind = getNodeKind(node.kind);
    const ctx = new NodeCompileContext(node.id, triggers, settings);
    const outcomes = compileOutcomes(node, analysis.graph.handles.get(node.id) ?? [], analysis, settings);
    const state = resolveOutcomeMarks(kind.compile({ id: node.id, data: node.data }, ctx), outcomes.inline);
    states[node.id] = { ...state, entry: [{ type: "flow.enterNode", params: { nodeId: node.id, kind: node.kind } }, ...(state.entry ?? [])] };
    Object.assign(states, outcomes.states);
  }
  states[HANDOFF_STATE] = { tags: ["handoff"] };
  states[ENDED_STATE] = { tags: ["ended"] };
  const start = document.nodes.find(isEntryNode);
  if (!start) {
    states[NO_START_STATE] = { entry: [errorHandoff(settings, "The flow has no Start step")], always: [{ target: HANDOFF_TARGET }] };
  }
  const config = {
    id: MACHINE_ID,
    // Read by turn.ts when it must hand off without the document (a broken snapshot, a crash).
    meta: { defaultTeam: settings.defaultTeam, locale: settings.locale },
    context: ({ input }: { input: { fields?: Record<string, string | number> } | undefined }) => createInitialContext(input?.fields),
    initial: start ? start.id : NO_START_STATE,
    states,
  };
  return config;
}

type BuiltConfig = ReturnType<typeof buildConfig>;

/**
 * The same machine plus a `bot.resume` transition per node on the handoff state (turn.ts moves a
 * snapshot there before handing back). Built only when an agent hands back: one transition per
 * node is a fifth of a large flow's compile time. State ids are identical, so snapshots move
 * freely between the two machines.
 */
function withResume(config: BuiltConfig, document: FlowDocument): BuiltConfig {
  const resume: TransitionConfig[] = document.nodes.map((node) => ({
    guard: { type: "flow.isResumeTarget", params: { nodeId: node.id } },
    target: nodeTarget(node.id),
    actions: [{ type: "flow.resume", params: { nodeId: node.id } }],
  }));
  return { ...config, states: { ...config.states, [HANDOFF_STATE]: { tags: ["handoff"], on: { "bot.resume": resume } } } };
}

// The config is generated data: its shape is checked by the node compile steps' types, not by
// XState's inference (which needs literal action names known at build time).
function createFlowMachine(config: BuiltConfig): FlowMachine {
  return flowSetup.createMachine(config as unknown as FlowMachineConfig);
}

/** Pure: the same document always gives the same machine and diagnostics. Never throws on a parsed document. */
export function compileFlow(document: FlowDocument, options: CompileOptions = {}): CompiledFlow {
  const analysis = diagnoseFlow(document, options);
  const config = buildConfig(document, analysis);
  const machine = createFlowMachine(config);
  registerResumeVariant(machine, () => createFlowMachine(withResume(config, document)));
  return { machine, diagnostics: analysis.diagnostics };
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
