import type { IntentPrediction } from "~/engines/types";
import { record, say, type FlowContext, type FlowEvent } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { MAX_EXAMPLE_LENGTH } from "./schema";
import { socialDecision, type SocialKind } from "./social";

type RecordParams = { nodeId: string; threshold: number; names: string[] };
type SocialParams = { nodeId: string; claimed: SocialKind[]; replies: Record<SocialKind, string> };

const socialKindOf = (event: BehaviourEvent, claimed: SocialKind[]) => socialDecision(typeof event.text === "string" ? event.text : "", claimed).social;

/** The classifier's output is data from an engine: read it defensively. */
function readPrediction(event: BehaviourEvent): IntentPrediction {
  const output = (event.output ?? {}) as Partial<IntentPrediction>;
  return {
    intent: typeof output.intent === "string" ? output.intent : null,
    confidence: typeof output.confidence === "number" && Number.isFinite(output.confidence) ? Math.min(1, Math.max(0, output.confidence)) : 0,
    ranked: Array.isArray(output.ranked) ? output.ranked : [],
    fallback: output.fallback,
  };
}

/** Model output can only pick one of the node's own intents, never invent a route. */
function matches(prediction: IntentPrediction, name: string, threshold: number): boolean {
  return prediction.intent === name && prediction.confidence >= threshold;
}

export const intentBehaviour = {
  guards: {
    "intent.isMatch": ({ event, params }: BehaviourArgs<{ name: string; threshold: number }>) =>
      matches(readPrediction(event), params.name, params.threshold),
    "intent.isSocial": ({ event, params }: BehaviourArgs<SocialParams>) => socialKindOf(event, params.claimed) !== null,
  },
  actions: {
    // Not a request and not a failure: answered in kind; the step keeps listening. Nor is it a
    // question a later knowledge-base step should answer.
    "intent.acknowledge": ({ context, event, params }: BehaviourArgs<SocialParams>): Partial<FlowContext> => {
      const kind = socialKindOf(event, params.claimed);
      if (!kind) return {};
      return {
        pendingQuestion: null,
        ...say(context, { role: "bot", text: params.replies[kind], nodeId: params.nodeId }),
        ...record(context, { type: "intent.social", nodeId: params.nodeId, payload: { kind } }),
      };
    },
    "intent.record": ({ context, event, params }: BehaviourArgs<RecordParams>): Partial<FlowContext> => {
      const raw = readPrediction(event);
      // An intent the node does not list is not a prediction at all: its confidence must not pass a later gate.
      const known = raw.intent !== null && params.names.includes(raw.intent);
      const ranked = raw.ranked.filter((candidate) => params.names.includes(candidate.name));
      const prediction = known ? { ...raw, ranked } : { ...raw, intent: null, confidence: ranked[0]?.confidence ?? 0, ranked };
      const matched = prediction.intent !== null && prediction.confidence >= params.threshold;
      // The customer's words are kept with the verdict so the step's review list (the messages it
      // was unsure about) reads one row per message, never the conversation's messages.
      const text = (context.customerMessages[context.customerMessages.length - 1] ?? "").slice(0, MAX_EXAMPLE_LENGTH);
      const events: FlowEvent[] = [
        {
          type: "intent.classified",
          nodeId: params.nodeId,
          payload: { intent: matched ? prediction.intent : null, confidence: prediction.confidence, ranked: prediction.ranked, text },
        },
      ];
      if (prediction.fallback) events.push({ type: "engine.fallback", nodeId: params.nodeId, payload: { ...prediction.fallback } });
      return {
        intent: matched && prediction.intent ? { name: prediction.intent, confidence: prediction.confidence } : context.intent,
        lastConfidence: { ...context.lastConfidence, intent: prediction.confidence },
        ...record(context, ...events),
      };
    },
  },
} satisfies KindBehaviour;
