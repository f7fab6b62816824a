import type { IntentPrediction } from "~/engines/types";
import { record, say, type FlowContext, type FlowEvent, type IntentOffer } from "../shared/context";
import type { BehaviourArgs, BehaviourEvent, KindBehaviour } from "../types";
import { readSuggestionPick } from "../kb/suggestion-pick";
import { intentLabel, MAX_EXAMPLE_LENGTH } from "./schema";
import { intentsToOffer } from "./offer";
import { socialDecision, type SocialKind } from "./social";

type RecordParams = { nodeId: string; threshold: number; names: string[] };
export type OfferParams = { nodeId: string; names: string[]; floor: number; text: string; other: string };
type ReplyParams = { nodeId: string; other: string };
type PickParams = ReplyParams & { name: string };
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

function textOf(event: BehaviourEvent): string {
  return typeof event.text === "string" ? event.text : "";
}

/** The step's own offer, while the customer's reply to it is read. */
function offerOf(context: FlowContext, nodeId: string): IntentOffer | null {
  return context.intentOffer?.nodeId === nodeId ? context.intentOffer : null;
}

/** What the reply to "Did you mean…?" picks: an offered intent's name, "none" ("Something else", "no"), or "other" (a new message). */
function readOfferReply(context: FlowContext, event: BehaviourEvent, params: ReplyParams): string | "none" | "other" {
  const offer = offerOf(context, params.nodeId);
  if (!offer) return "other";
  const pick = readSuggestionPick(textOf(event), offer.offered.map((intent) => intent.label), params.other);
  return typeof pick === "number" ? offer.offered[pick].name : pick;
}

/**
 * The reply to the offer is consumed like a tapped choice, and the customer's message the offer
 * was about is again the one a later step answers (as after any intent step's verdict).
 */
function closeOffer(context: FlowContext, offer: IntentOffer, event: FlowEvent): Partial<FlowContext> {
  return {
    intentOffer: null,
    pendingQuestion: offer.pendingQuestion,
    openQuestion: offer.openQuestion,
    customerMessages: context.customerMessages.slice(0, -1),
    ...record(context, event),
  };
}

const offeredPayload = (offer: IntentOffer) => ({ offered: offer.offered.map(({ name, confidence }) => ({ name, confidence })), text: offer.text });

export const intentBehaviour = {
  guards: {
    "intent.isMatch": ({ event, params }: BehaviourArgs<{ name: string; threshold: number }>) =>
      matches(readPrediction(event), params.name, params.threshold),
    "intent.isSocial": ({ event, params }: BehaviourArgs<SocialParams>) => socialKindOf(event, params.claimed) !== null,
    "intent.hasOffer": ({ event, params }: BehaviourArgs<OfferParams>) => intentsToOffer(readPrediction(event).ranked, params.names, params.floor).length > 0,
    "intent.pickedOffered": ({ context, event, params }: BehaviourArgs<PickParams>) => readOfferReply(context, event, params) === params.name,
    "intent.declinedOffer": ({ context, event, params }: BehaviourArgs<ReplyParams>) => readOfferReply(context, event, params) === "none",
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
    // Not a failure: the step waits for the customer's pick. Runs after intent.record, which kept the verdict.
    "intent.offer": ({ context, event, params }: BehaviourArgs<OfferParams>): Partial<FlowContext> => {
      const offered = intentsToOffer(readPrediction(event).ranked, params.names, params.floor).map(({ name, confidence }) => ({ name, label: intentLabel(name), confidence }));
      if (offered.length === 0) return {};
      const offer: IntentOffer = {
        nodeId: params.nodeId,
        text: (context.customerMessages[context.customerMessages.length - 1] ?? "").slice(0, MAX_EXAMPLE_LENGTH),
        offered,
        pendingQuestion: context.pendingQuestion,
        openQuestion: context.openQuestion ?? null,
      };
      return {
        intentOffer: offer,
        ...say(context, { role: "bot", text: params.text, choices: [...offered.map((intent) => intent.label), params.other], offeredIntents: offered.map((intent) => intent.name), nodeId: params.nodeId }),
        ...record(context, { type: "intent.offered", nodeId: params.nodeId, payload: offeredPayload(offer) }),
      };
    },
    // The customer said which intent they meant: a later confidence gate sees 1, not the model's number under the bar (kept in the event).
    "intent.confirm": ({ context, event, params }: BehaviourArgs<PickParams>): Partial<FlowContext> => {
      const offer = offerOf(context, params.nodeId);
      const picked = offer?.offered.find((intent) => intent.name === params.name);
      if (!offer || !picked || readOfferReply(context, event, params) !== params.name) return {};
      return {
        intent: { name: picked.name, confidence: 1 },
        lastConfidence: { ...context.lastConfidence, intent: 1 },
        ...closeOffer(context, offer, { type: "intent.confirmed", nodeId: params.nodeId, payload: { intent: picked.name, confidence: picked.confidence, ...offeredPayload(offer) } }),
      };
    },
    "intent.decline": ({ context, params }: BehaviourArgs<ReplyParams>): Partial<FlowContext> => {
      const offer = offerOf(context, params.nodeId);
      if (!offer) return {};
      return closeOffer(context, offer, { type: "intent.declined", nodeId: params.nodeId, payload: offeredPayload(offer) });
    },
    // The reply is a new message: it stays the one to classify (and to answer later); the offer is recorded as left for it.
    "intent.leaveOffer": ({ context, params }: BehaviourArgs<{ nodeId: string }>): Partial<FlowContext> => {
      const offer = offerOf(context, params.nodeId);
      if (!offer) return {};
      return { intentOffer: null, ...record(context, { type: "intent.declined", nodeId: params.nodeId, payload: { ...offeredPayload(offer), askedAnew: true } }) };
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
