/**
 * The one `setup()` every compiled flow shares: all behaviour of all kinds, registered by name.
 * Behaviours are pure context updaters; here they become XState `assign` actions and guards.
 * The async actors are placeholders that fail loudly until `provideEngines` wires real engines.
 */
import { assign, fromPromise, setup } from "xstate";
import type { Engines, IntentDefinition, IntentPrediction, KbAnswer, KbSuggestions } from "~/engines/types";
import { NODE_KINDS } from "~/nodes/kinds";
import { getNodeKind } from "~/nodes/registry";
import { sharedBehaviour } from "~/nodes/shared/behaviour";
import type { HttpCallInput, HttpCallResult, HttpCaller } from "~/nodes/http/result";
import type { FieldValue, FlowContext, FlowMachineEvent } from "~/nodes/shared/context";
import type { BehaviourEvent, ContextUpdate, GuardCheck, KindBehaviour } from "~/nodes/types";
import { flowBehaviour } from "./behaviour";

export type ClassifyIntentInput = { modelKey: string; intents: IntentDefinition[]; text: string };
export type AnswerFromKbInput = { query: string; tags: string[]; minScore: number; suggest: boolean };
export type FlowInput = { fields?: Record<string, FieldValue> } | undefined;
export type FlowTag = "waiting" | "handoff" | "ended";

/**
 * What the machine's actors call: the answering engines, and the server's outbound HTTP caller
 * for `http` steps. Without `http` (unit tests, the flows CLI) an API step takes `failed`.
 */
export type FlowServices = Engines & { http?: HttpCaller };

function collectBehaviours(): { actions: Record<string, ContextUpdate>; guards: Record<string, GuardCheck> } {
  const sources: KindBehaviour[] = [flowBehaviour, sharedBehaviour, ...NODE_KINDS.map((kind) => getNodeKind(kind).behaviour ?? {})];
  const actions: Record<string, ContextUpdate> = {};
  const guards: Record<string, GuardCheck> = {};
  for (const source of sources) {
    for (const [name, update] of Object.entries(source.actions ?? {})) {
      if (name in actions) throw new Error(`Two behaviours define the action "${name}"`);
      actions[name] = update;
    }
    for (const [name, check] of Object.entries(source.guards ?? {})) {
      if (name in guards) throw new Error(`Two behaviours define the guard "${name}"`);
      guards[name] = check;
    }
  }
  return { actions, guards };
}

const behaviours = collectBehaviours();

type Params = Record<string, unknown> | undefined;

const actions = Object.fromEntries(
  Object.entries(behaviours.actions).map(([name, update]) => [
    name,
    assign<FlowContext, FlowMachineEvent, Params, FlowMachineEvent, never>(({ context, event }, params) =>
      update({ context, event: event as BehaviourEvent, params: params ?? {} }),
    ),
  ]),
);

const guards = Object.fromEntries(
  Object.entries(behaviours.guards).map(([name, check]) => [
    name,
    ({ context, event }: { context: FlowContext; event: FlowMachineEvent }, params: Params) => check({ context, event: event as BehaviourEvent, params: params ?? {} }),
  ]),
);

function missingEngine(name: string): never {
  throw new Error(`${name} has no engine: call provideEngines(machine, engines) first`);
}

export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowMachineEvent,
    input: {} as FlowInput,
    tags: {} as FlowTag,
  },
  actions,
  guards,
  actors: {
    classifyIntent: fromPromise<IntentPrediction, ClassifyIntentInput>(async () => missingEngine("classifyIntent")),
    answerFromKb: fromPromise<KbAnswer | KbSuggestions | null, AnswerFromKbInput>(async () => missingEngine("answerFromKb")),
    callHttp: fromPromise<HttpCallResult, HttpCallInput>(async () => missingEngine("callHttp")),
  },
});

export type FlowMachine = ReturnType<typeof flowSetup.createMachine>;
export type FlowMachineConfig = Parameters<typeof flowSetup.createMachine>[0];

const provided = new WeakMap<FlowMachine, WeakMap<Engines, FlowMachine>>();
const resumeVariants = new WeakMap<FlowMachine, () => FlowMachine>();

/** compileFlow registers how to build the variant of a machine that can hand back to the bot. */
export function registerResumeVariant(machine: FlowMachine, build: () => FlowMachine): void {
  let built: FlowMachine | undefined;
  resumeVariants.set(machine, () => (built ??= build()));
}

/** The variant of `machine` with `bot.resume` transitions, or null for a machine not made by compileFlow. */
export function getResumeVariant(machine: FlowMachine): FlowMachine | null {
  return resumeVariants.get(machine)?.() ?? null;
}

function notConfigured(input: HttpCallInput): HttpCallResult {
  return { ok: false, method: input.data.method, url: "", status: null, error: "not_configured", detail: "API calls are not available here", durationMs: 0, fields: {} };
}

/** The machine with real engines behind its actors; cached per machine and engines object. */
export function provideEngines(machine: FlowMachine, engines: FlowServices): FlowMachine {
  let byEngines = provided.get(machine);
  if (!byEngines) provided.set(machine, (byEngines = new WeakMap()));
  const cached = byEngines.get(engines);
  if (cached) return cached;
  const withEngines = machine.provide({
    actors: {
      classifyIntent: fromPromise<IntentPrediction, ClassifyIntentInput>(({ input }) => engines.intents.classify(input)),
      answerFromKb: fromPromise<KbAnswer | KbSuggestions | null, AnswerFromKbInput>(({ input }) => engines.knowledge.answer(input)),
      callHttp: fromPromise<HttpCallResult, HttpCallInput>(({ input }) => (engines.http ? engines.http.call(input) : Promise.resolve(notConfigured(input)))),
    },
  });
  byEngines.set(engines, withEngines);
  const base = resumeVariants.get(machine);
  if (base) registerResumeVariant(withEngines, () => provideEngines(base(), engines));
  return withEngines;
}
