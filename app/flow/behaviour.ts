/**
 * Flow-level behaviour the compiler adds around the nodes: entering a node, recording customer
 * messages, outcomes (with the repeated-failure count), global triggers, engine failures and
 * handing a conversation back to the bot. Pure context updaters, like the node behaviours.
 */
import { KEPT_CUSTOMER_MESSAGES, KEPT_RECENT_TEXTS, record, type FlowContext, type HandoffTrigger, type Priority } from "~/nodes/shared/context";
import { requestHandoff } from "~/nodes/shared/handoff";
import { isQuestion } from "~/nodes/shared/question";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "~/nodes/types";
import { detectSensitive, isHumanRequest } from "./triggers";

/** Node entries without a customer message in between before the run is stopped as a runaway loop. */
export const MAX_STEPS_PER_TURN = 200;

type TeamParams = { team: string; priority: Priority };

/** The enabled global triggers, as compiled into every waiting state. */
export type TriggerParams = { sensitive?: TeamParams & { terms: string[] }; humanRequest?: TeamParams };

/** Sensitive content first: it names a more specific team than a plain request for a person. */
function firedTrigger(text: string, params: TriggerParams) {
  if (params.sensitive) {
    const sensitive = detectSensitive(text, params.sensitive.terms);
    if (sensitive) return { trigger: "sensitive" as const, reason: sensitive.reason, team: params.sensitive.team, priority: params.sensitive.priority };
  }
  if (params.humanRequest && isHumanRequest(text)) {
    return { trigger: "humanRequest" as const, reason: "Customer asked for a person", team: params.humanRequest.team, priority: params.humanRequest.priority };
  }
  return null;
}

function textOf(event: BehaviourEvent): string {
  return typeof event.text === "string" ? event.text : "";
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "unknown error";
}

export const flowBehaviour = {
  guards: {
    "flow.isFailureLimitReached": ({ context, params }: BehaviourArgs<{ limit: number }>) => context.failures + 1 >= params.limit,
    "flow.isRunaway": ({ context }: BehaviourArgs<unknown>) => context.steps >= MAX_STEPS_PER_TURN,
    "flow.isResumeTarget": ({ event, params }: BehaviourArgs<{ nodeId: string }>) => event.nodeId === params.nodeId,
    "trigger.fires": ({ event, params }: BehaviourArgs<TriggerParams>) => firedTrigger(textOf(event), params) !== null,
  },
  actions: {
    "flow.enterNode": ({ context, params }: BehaviourArgs<{ nodeId: string; kind: string }>): Partial<FlowContext> => {
      const from = context.lastOutcome ? { fromNodeId: context.lastOutcome.nodeId, fromHandle: context.lastOutcome.handle } : {};
      return {
        activeNodeId: params.nodeId,
        steps: context.steps + 1,
        lastOutcome: null,
        ...record(context, { type: "node.entered", nodeId: params.nodeId, payload: { kind: params.kind, ...from } }),
      };
    },
    "flow.recordCustomerMessage": ({ context, event }: BehaviourArgs<unknown>): Partial<FlowContext> => ({
      customerMessages: [...context.customerMessages, textOf(event)].slice(-KEPT_CUSTOMER_MESSAGES),
      recentCustomerTexts: [...(context.recentCustomerTexts ?? []), textOf(event)].slice(-KEPT_RECENT_TEXTS),
      pendingQuestion: textOf(event),
      ...(isQuestion(textOf(event)) ? { openQuestion: textOf(event) } : {}),
      steps: 0,
    }),
    // No event of its own: the output taken is recorded on the next node's `node.entered`.
    "flow.outcome": ({ context, params }: BehaviourArgs<{ nodeId: string; handle: string; failure: boolean }>): Partial<FlowContext> => ({
      failures: context.failures + (params.failure ? 1 : 0),
      lastOutcome: { nodeId: params.nodeId, handle: params.handle },
    }),
    "flow.handoff": ({ context, params }: BehaviourArgs<TeamParams & { trigger: HandoffTrigger; reason: string; nodeId?: string }>) =>
      requestHandoff(
        context,
        { team: params.team, priority: params.priority, reason: params.reason, trigger: params.trigger, nodeId: params.nodeId ?? context.activeNodeId ?? undefined },
        { firedTrigger: params.trigger !== "node" },
      ),
    "trigger.fire": ({ context, event, params }: BehaviourArgs<TriggerParams>) => {
      const fired = firedTrigger(textOf(event), params);
      if (!fired) return {};
      const { trigger, reason, team, priority } = fired;
      return requestHandoff(context, { team, priority, reason, trigger, nodeId: context.activeNodeId ?? undefined }, { firedTrigger: true });
    },
    // A failing engine never reaches the customer as an error: a person takes over instead.
    "flow.engineFailed": ({ context, event, params }: BehaviourArgs<TeamParams & { engine: string; nodeId: string }>) => {
      const error = errorText(event.error);
      const withEvent = { ...context, ...record(context, { type: "engine.error", nodeId: params.nodeId, payload: { engine: params.engine, error } }) };
      return requestHandoff(
        withEvent,
        { team: params.team, priority: params.priority, reason: `The ${params.engine} engine failed: ${error}`, trigger: "error", nodeId: params.nodeId },
        { firedTrigger: true },
      );
    },
    "flow.resume": ({ context, event, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => {
      // Answers typed to the agent are not questions for the bot; the one message nobody answered is
      // (a KB step answers it, a collect step finds its value in it, a waiting step is sent it).
      const pending = typeof event.pending === "string" && event.pending.trim() ? event.pending : null;
      return {
        handoff: null,
        ended: false,
        steps: 0,
        // A fresh start for the repeated-failure trigger, or it would fire again at once.
        failures: 0,
        pendingQuestion: pending,
        // Questions asked before the handoff were the agent's to answer.
        openQuestion: null,
        ...(pending ? { customerMessages: [...context.customerMessages, pending].slice(-KEPT_CUSTOMER_MESSAGES) } : {}),
        ...record(context, { type: "bot.resumed", nodeId: params.nodeId, payload: {} }),
      };
    },
  },
} satisfies KindBehaviour;
