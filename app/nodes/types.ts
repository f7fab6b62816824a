/**
 * The contract every node kind implements. A kind is known to the rest of the app only through
 * its registry entry: the compiler, the diagnostics, the builder, the inbox, analytics, the KB
 * admin and the demo history never switch on a kind id. Compile steps emit plain XState config
 * that names behaviour ("collect.isValid"); the behaviours are pure context updaters and guards
 * registered by name in `setup()`. A definition is browser-safe (it ships to the builder with
 * its editor parts), so it must never import `*.server` code.
 */
import type { ComponentType } from "react";
import type { z } from "zod";
import type { DemoBehaviour } from "./shared/demo";
import type { SettingsProps } from "./shared/editor/types";
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

/** The kind's parts in the builder: icon (palette, card, panel), the card's summary of its data, the settings form. */
export type KindEditorParts<D> = {
  Icon: ComponentType;
  Summary: ComponentType<{ data: D }>;
  Settings: ComponentType<SettingsProps<D>>;
};

/** What a node contributes to a conversation's intent classifier (trained when a version is published). */
export type IntentModel = { modelKey: string; intents: Array<{ name: string; examples: string[] }> };

/** State a handoff cause is worded from: the run's last confidences, and the turn's events of the step that gave up. */
export type CauseState = { lastConfidence: { intent?: number; kb?: number }; events?: Array<{ type: string; payload: Record<string, unknown> }> };

export type NodeKindDefinition<D = unknown> = {
  /** Plain-language name shown in the palette. */
  label: string;
  description: string;
  /** An emoji for plain-text contexts (the builder draws `editor.Icon`). */
  icon: string;
  /** The kind's colour (palette, card, panel, minimap): set as the CSS variable --kind-color. */
  color: string;
  /** Where the palette lists the kind (ascending). */
  paletteOrder: number;
  editor: KindEditorParts<D>;
  schema: z.ZodType<D>;
  /** Data of a freshly dropped node. */
  createData(): D;
  handles(data: D): HandleDefinition[];
  /** Every pass through the node is guaranteed to wait for the customer at least once per two visits. */
  waitsForCustomer: boolean;
  /**
   * "entry": where conversations begin (exactly one per flow); "handoff": ends the bot's run with
   * a handoff (never a hand-back target); "exit": ends the conversation (listed first in the
   * agent's hand-back menu).
   */
  role?: "entry" | "handoff" | "exit";
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
  /** The text the step shows the customer, for the agent's hand-back menu ("Ask for information: What's your order number?"). */
  describe?(data: D): string;
  /** Why taking output `handle` was a reason to hand off ("42% < 70%"), or null for an ordinary output. */
  describeHandoffCause?(data: D, handle: string, state: CauseState): string | null;
  /** The intent classifier the node runs, if any. */
  intentModel?(node: { id: string; data: D }): IntentModel;
  /** The knowledge-base scope the node answers from, if it does ("Try it" on the KB page, the editor's tag hint). */
  knowledgeScope?(data: D): { tags: string[]; minScore: number; offerSuggestions: boolean };
  /** A working configuration: the registry's example flows use it (each kind compiles and runs there). */
  example(): D;
  /** How the generated demo history's customers and engines behave at this node. */
  demo?: DemoBehaviour<D>;
  behaviour?: KindBehaviour;
};

export function defineNodeKind<D>(definition: NodeKindDefinition<D>): NodeKindDefinition<D> {
  return definition;
}
