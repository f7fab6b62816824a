/**
 * Pure turn execution: THE contract the runtime builds on. One short-lived actor per call:
 * restore the persisted snapshot → send the input → wait until the machine waits for the
 * customer, hands off or ends → read what it said and recorded from the context → return a
 * JSON snapshot with that outbox cleared. Nothing here touches a database; the caller persists
 * snapshot, messages and events in one transaction.
 *
 * Nothing the customer does can make these functions throw: a failing engine, a broken snapshot,
 * a crash in a behaviour or a timeout all become a handoff with trigger "error". Only resumeAt
 * throws, for a node id that does not exist (an agent-side mistake).
 */
import { createActor, waitFor, type Actor, type Snapshot } from "xstate";
import { createInitialContext, type BotMessage, type FieldValue, type FlowContext, type FlowEvent, type FlowMachineEvent, type HandoffRequest } from "~/nodes/shared/context";
import { requestHandoff } from "~/nodes/shared/handoff";
import { HANDOFF_STATE } from "./compile";
import { getResumeVariant, provideEngines, type FlowMachine, type FlowServices } from "./machine-setup";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

export type { BotMessage, FlowEvent, HandoffRequest };

export type TurnStatus = "bot" | "handoff" | "ended";

export type TurnState = {
  fields: Record<string, FieldValue>;
  intent: { name: string; confidence: number } | null;
  activeNodeId: string | null;
  lastConfidence: { intent?: number; kb?: number };
  /** The customer's latest message no step has answered or consumed yet. */
  pendingQuestion: string | null;
};

export type TurnResult = {
  /** JSON-serialisable persisted snapshot; outbox and events already cleared from it. */
  snapshot: unknown;
  messages: BotMessage[];
  events: FlowEvent[];
  /** bot = waiting for the customer. */
  status: TurnStatus;
  /**
   * Set whenever status is "handoff". A turn on a conversation that was already handed off
   * (the machine ignores the message) repeats the old request without a new `handoff` event.
   */
  handoff?: HandoffRequest;
  state: TurnState;
};

export type TurnInput = { type: "customer.message"; text: string } | { type: "kb.feedback"; helpful: boolean };

export type TurnOptions = { timeoutMs?: number };

export class UnknownNodeError extends Error {}

const DEFAULT_TIMEOUT_MS = 30_000;

type MachineActor = Actor<FlowMachine>;
type MachineSnapshot = ReturnType<MachineActor["getSnapshot"]>;
type PersistedShape = { status?: unknown; value?: unknown; context?: Partial<FlowContext> } & Record<string, unknown>;

/** The snapshot's shape was checked by readPersisted (or made by the machine itself). */
function restoreActor(machine: FlowMachine, snapshot: PersistedShape | Snapshot<unknown>): MachineActor {
  return createActor(machine, { snapshot: snapshot as Snapshot<unknown> });
}

function isSettled(snapshot: MachineSnapshot): boolean {
  return snapshot.status !== "active" || snapshot.hasTag("waiting") || snapshot.hasTag("handoff") || snapshot.hasTag("ended");
}

function defaultTeamOf(machine: FlowMachine): string {
  const meta = machine.root.meta as { defaultTeam?: unknown } | undefined;
  return typeof meta?.defaultTeam === "string" ? meta.defaultTeam : DEFAULT_TEAM;
}

/** A stored snapshot is data read back from the database: check its shape before restoring. */
function readPersisted(snapshot: unknown): PersistedShape | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  const candidate = snapshot as PersistedShape;
  if (candidate.status !== "active" || candidate.value === undefined || !candidate.context || typeof candidate.context !== "object") return null;
  return { ...candidate, context: { ...candidate.context, outbox: [], events: [] } };
}

function contextOf(persisted: PersistedShape | null): FlowContext {
  return { ...createInitialContext(), ...(persisted?.context ?? {}), outbox: [], events: [] };
}

function stateOf(context: FlowContext): TurnState {
  return { fields: context.fields, intent: context.intent, activeNodeId: context.activeNodeId, lastConfidence: context.lastConfidence, pendingQuestion: context.pendingQuestion };
}

/** The persisted snapshot without this turn's outbox and events (getPersistedSnapshot already copies it). */
function cleanPersisted(persisted: unknown): unknown {
  const shape = persisted as PersistedShape;
  return shape.context ? { ...shape, context: { ...shape.context, outbox: [], events: [] } } : shape;
}

/** The machine could not run: hand off from wherever the conversation was, with what it knew. */
function errorResult(machine: FlowMachine, previous: FlowContext, error: unknown): TurnResult {
  const detail = error instanceof Error ? error.message : String(error);
  const base: FlowContext = { ...previous, outbox: [], events: [{ type: "engine.error", nodeId: previous.activeNodeId ?? undefined, payload: { engine: "flow", error: detail } }] };
  const defaultTeam = defaultTeamOf(machine);
  const handoff: HandoffRequest = { team: defaultTeam, priority: "normal", reason: `The bot failed: ${detail}`, trigger: "error", nodeId: previous.activeNodeId ?? undefined };
  const context: FlowContext = { ...base, ...requestHandoff(base, handoff, { firedTrigger: true }) };
  const resolved = machine.resolveState({ value: HANDOFF_STATE, context });
  return {
    snapshot: cleanPersisted(machine.getPersistedSnapshot(resolved)),
    messages: context.outbox,
    events: context.events,
    status: "handoff",
    handoff,
    state: stateOf(context),
  };
}

async function run(machine: FlowMachine, actor: MachineActor, kick: (actor: MachineActor) => void, previous: FlowContext, options: TurnOptions): Promise<TurnResult> {
  // Without an error observer XState rethrows a behaviour's exception asynchronously.
  const subscription = actor.subscribe({ error: () => undefined });
  try {
    actor.start();
    kick(actor);
    const snapshot = await waitFor(actor, isSettled, { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    if (snapshot.status !== "active") return errorResult(machine, previous, snapshot.status === "error" ? snapshot.error : `machine ${snapshot.status}`);
    const context = snapshot.context;
    const status: TurnStatus = snapshot.hasTag("handoff") ? "handoff" : snapshot.hasTag("ended") ? "ended" : "bot";
    return {
      snapshot: cleanPersisted(actor.getPersistedSnapshot()),
      messages: context.outbox,
      events: context.events,
      status,
      ...(status === "handoff" && context.handoff ? { handoff: context.handoff } : {}),
      state: stateOf(context),
    };
  } catch (error) {
    return errorResult(machine, previous, error);
  } finally {
    subscription.unsubscribe();
    actor.stop();
  }
}

/** Runs a new conversation from its start until it first waits (or hands off or ends). */
export async function startConversation(
  machine: FlowMachine,
  engines: FlowServices,
  opts: { fields?: Record<string, FieldValue> } & TurnOptions = {},
): Promise<TurnResult> {
  const runnable = provideEngines(machine, engines);
  const initial = { ...createInitialContext(opts.fields), outbox: [], events: [] };
  try {
    return await run(runnable, createActor(runnable, { input: { fields: opts.fields } }), () => undefined, initial, opts);
  } catch (error) {
    return errorResult(runnable, initial, error);
  }
}

/** One customer turn: restore, send, run until the machine waits again. */
export async function runTurn(machine: FlowMachine, engines: FlowServices, snapshot: unknown, input: TurnInput, opts: TurnOptions = {}): Promise<TurnResult> {
  const runnable = provideEngines(machine, engines);
  const persisted = readPersisted(snapshot);
  const previous = contextOf(persisted);
  if (!persisted) return errorResult(runnable, previous, "the conversation's saved state is unreadable");
  const event = input.type === "customer.message" ? { type: "customer.message" as const, text: String(input.text) } : { type: "kb.feedback" as const, helpful: input.helpful === true };
  try {
    return await run(runnable, restoreActor(runnable, persisted), (actor) => actor.send(event), previous, opts);
  } catch (error) {
    return errorResult(runnable, previous, error);
  }
}

/** The node ids a conversation can be handed back to (the agent's picker). */
export function listResumableNodes(machine: FlowMachine): string[] {
  return Object.keys(machine.root.states).filter((key) => !key.startsWith("__") && !key.includes("~"));
}

/**
 * Hands a conversation back to the bot at `nodeId` (from a handoff, or taking it over from any
 * state): the snapshot is moved to the handoff state with `resolveState`, then `bot.resume` runs
 * the node exactly as if the flow had arrived there (its message is said, its question asked).
 * `pending` is the customer's last message nobody answered: a KB step answers it and a collect
 * step looks for its value in it on the way in; when the flow then waits for the customer without
 * having asked anything (an intent step, say), it is processed at once as the customer's message,
 * so the customer is not left waiting for a reply to a question they already asked.
 */
export async function resumeAt(
  machine: FlowMachine,
  engines: FlowServices,
  snapshot: unknown,
  nodeId: string,
  opts: TurnOptions & { pending?: string } = {},
): Promise<TurnResult> {
  if (!listResumableNodes(machine).includes(nodeId)) throw new UnknownNodeError(`The flow has no step "${nodeId}"`);
  const resumable = getResumeVariant(machine);
  if (!resumable) throw new Error("resumeAt needs a machine made by compileFlow");
  const runnable = provideEngines(resumable, engines);
  const previous = contextOf(readPersisted(snapshot));
  const pending = opts.pending?.trim() ? opts.pending : undefined;
  const resume: FlowMachineEvent = { type: "bot.resume", nodeId, ...(pending ? { pending } : {}) };
  let resumed: TurnResult;
  try {
    const parked = runnable.getPersistedSnapshot(runnable.resolveState({ value: HANDOFF_STATE, context: previous }));
    resumed = await run(runnable, restoreActor(runnable, parked), (actor) => actor.send(resume), previous, opts);
  } catch (error) {
    return errorResult(runnable, previous, error);
  }
  if (!pending || !waitsUnprompted(resumed, pending)) return resumed;
  const answered = await runTurn(machine, engines, resumed.snapshot, { type: "customer.message", text: pending }, opts);
  return { ...answered, messages: [...resumed.messages, ...answered.messages], events: [...resumed.events, ...answered.events] };
}

/** The flow waits for the customer, the pending message is still unanswered, and the waiting step asked nothing. */
function waitsUnprompted(result: TurnResult, pending: string): boolean {
  if (result.status !== "bot" || result.state.pendingQuestion !== pending) return false;
  const waitingAt = result.state.activeNodeId;
  return !result.messages.some((message) => message.nodeId !== undefined && message.nodeId === waitingAt);
}
