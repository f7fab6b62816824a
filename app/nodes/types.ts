/**
 * The contract every node kind implements. A kind is known to the rest of the app only through
 * its registry entry: the compiler, the diagnostics and the builder never switch on a kind id.
 * Compile steps emit plain XState config that names behaviour ("collect.isValid"); the
 * behaviours are pure context updaters and guards registered by name in `setup()`.
 */
import type { z } from "zod";
import type { FlowContext } from "./shared/context";
import type { Phrases } from "./shared/phrases";

export type ActionRef = { type: string; params?: Record<string, unknown> };
export type GuardRef = string | { type: string; params?: Record<string, unknown> };

export type TransitionConfig = {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
};

export type InvokeConfig = {
  src: string;
  /** Maps the context to the actor's input (a closure is fine: machines are built in-process). */
  input: (args: { context: FlowContext }) => unknown;
  onDone: TransitionConfig[];
  onError: TransitionConfig[];
};

export type StateConfig = {
  initial?: string;
  states?: Record<string, StateConfig>;
  entry?: ActionRef[];
  always?: TransitionConfig[];
  on?: Record<string, TransitionConfig[]>;
  invoke?: InvokeConfig;
  tags?: string[];
};

export type HandleDefinition = {
  id: string;
  label: string;
  /** Counts towards the repeated-failure trigger when taken. */
  failure?: boolean;
  /** Leaving it unconnected is fine (the node can never take it with this configuration). */
  optional?: boolean;
};

/** The event a behaviour sees: a customer event or an actor's done/error event (with `output`/`error`). */
export type BehaviourEvent = { type: string; [key: string]: unknown };

export type BehaviourArgs<P> = { context: FlowContext; event: BehaviourEvent; params: P };

// Method syntax keeps parameters bivariant, so a registry of differently-typed params type-checks.
export type ContextUpdate<P = unknown> = { bivarianceHack(args: BehaviourArgs<P>): Partial<FlowContext> }["bivarianceHack"];
export type GuardCheck<P = unknown> = { bivarianceHack(args: BehaviourArgs<P>): boolean }["bivarianceHack"];

export type KindBehaviour = {
  actions?: Record<string, ContextUpdate>;
  guards?: Record<string, GuardCheck>;
};

export type CompileContext = {
  nodeId: string;
  /** Target of an outcome handle (goes through the outcome state that records it). */
  out(handle: string): string;
  /** A state that waits for the customer: global triggers and message recording are added. */
  waiting(state: StateConfig): StateConfig;
  /** Transition for a failed engine actor: hand off with trigger "error". */
  engineFailed(engine: "intents" | "knowledge"): TransitionConfig;
  handoffTarget: string;
  endedTarget: string;
  /** The flow's default team, for a node whose own team is not chosen yet (a draft). */
  defaultTeam: string;
  /** The flow's locale (passed on in params for texts chosen at run time) and the bot's own texts in it. */
  locale: string | undefined;
  phrases: Phrases;
};

export type NodeIssue = { severity: "error" | "warning"; code: string; field?: string; message: string };

export type NodeKindDefinition<D = unknown> = {
  /** Plain-language name shown in the palette. */
  label: string;
  description: string;
  /** An emoji: the registry stays free of React so server code can import it. */
  icon: string;
  schema: z.ZodType<D>;
  /** Data of a freshly dropped node. */
  createData(): D;
  handles(data: D): HandleDefinition[];
  /** Every pass through the node is guaranteed to wait for the customer at least once per two visits. */
  waitsForCustomer: boolean;
  /** "entry": where conversations begin (exactly one per flow); "handoff": ends the bot's run with a handoff. */
  role?: "entry" | "handoff";
  compile(node: { id: string; data: D }, ctx: CompileContext): StateConfig;
  diagnose?(data: D): NodeIssue[];
  /** Team slugs the node routes to (checked against the known teams). */
  teams?(data: D): string[];
  /** Names of workspace API keys the node sends (checked against the known ones in the editor). */
  credentials?(data: D): string[];
  /** Fields the node captures / reads (`field` names the data field that reads it), for the "never collected" check. */
  fieldsCaptured?(data: D): string[];
  fieldsRead?(data: D): Array<{ name: string; field: string }>;
  /** Its bot lines ask the customer for something: the handoff packet lists them as "questions asked". */
  asksQuestions?: boolean;
  behaviour?: KindBehaviour;
};

export function defineNodeKind<D>(definition: NodeKindDefinition<D>): NodeKindDefinition<D> {
  return definition;
}
