import { fnv1a } from "~/utils/fnv1a";
import type { CompileContext, NodeIssue, StateConfig, TransitionConfig } from "../types";
import { MIN_EXAMPLES, RECOMMENDED_EXAMPLES, UNSURE, type IntentData } from "./schema";
import { findIntentOverlaps } from "./overlap";
import { claimedSocialKinds, socialDecision } from "./social";
import { OFFER_FLOOR } from "./offer";
import type { OfferParams } from "./behaviour";

/** Changes whenever the examples change, so a classifier retrains only when it must. */
function hashIntents(data: IntentData): string {
  return fnv1a(JSON.stringify(data.intents)).toString(16);
}

/**
 * What the node's classifier is trained on, under the key the compiled machine asks for: the
 * runtime trains it when a version is published or compiled, so no customer waits for it.
 */
export function intentModelOf(node: { id: string; data: IntentData }): { modelKey: string; intents: IntentData["intents"] } {
  return { modelKey: `intent:${node.id}:${hashIntents(node.data)}`, intents: node.data.intents };
}

export function compileIntent(node: { id: string; data: IntentData }, ctx: CompileContext): StateConfig {
  const nodeId = node.id;
  const { threshold, offerChoices } = node.data;
  const { modelKey, intents } = intentModelOf(node);
  const names = intents.map((i) => i.name);
  const record = { type: "intent.record", params: { nodeId, threshold, names } };
  // Greetings, thanks, small talk and contact details are answered and the step listens again
  // (no failure counted), unless the flow's own intents are about them.
  const claimed = claimedSocialKinds(intents);
  const social = { nodeId, claimed, replies: ctx.phrases.social };
  const acknowledgeSocial: TransitionConfig = { guard: { type: "intent.isSocial", params: social }, actions: [{ type: "intent.acknowledge", params: social }] };
  const offer: OfferParams = { nodeId, names, floor: OFFER_FLOOR, text: ctx.phrases.intentOffer, other: ctx.phrases.intentSomethingElse };
  const reply = { nodeId, other: offer.other };
  /** Classifies the customer's latest message; `unsure` is what happens when no intent reaches the threshold. */
  const classify = (unsure: TransitionConfig[]): StateConfig => ({
    invoke: {
      src: "classifyIntent",
      input: ({ context }) => ({ modelKey, intents, text: socialDecision(context.customerMessages[context.customerMessages.length - 1] ?? "", claimed).classify }),
      onDone: [
        ...intents.map((intent) => ({ guard: { type: "intent.isMatch", params: { name: intent.name, threshold } }, target: ctx.out(intent.name), actions: [record] })),
        ...unsure,
      ],
      onError: [ctx.engineFailed("intents")],
    },
  });
  const notSure: TransitionConfig = { target: ctx.out(UNSURE), actions: [record] };
  return {
    initial: "listen",
    states: {
      listen: ctx.waiting({ on: { "customer.message": [acknowledgeSocial, { target: "classify" }] } }),
      classify: classify([...(offerChoices ? [{ guard: { type: "intent.hasOffer", params: offer }, target: "offer", actions: [record, { type: "intent.offer", params: offer }] }] : []), notSure]),
      // "Did you mean…?": a pick routes to the intent, "Something else" to unsure; anything else is a
      // new message, classified once more without a second offer (no loops).
      offer: ctx.waiting({
        on: {
          "customer.message": [
            ...intents.map((intent) => {
              const params = { ...reply, name: intent.name };
              return { guard: { type: "intent.pickedOffered", params }, target: ctx.out(intent.name), actions: [{ type: "intent.confirm", params }] };
            }),
            { guard: { type: "intent.declinedOffer", params: reply }, target: ctx.out(UNSURE), actions: [{ type: "intent.decline", params: reply }] },
            acknowledgeSocial,
            { target: "reclassify", actions: [{ type: "intent.leaveOffer", params: { nodeId } }] },
          ],
        },
      }),
      reclassify: classify([notSure]),
    },
  };
}

export function diagnoseIntent(data: IntentData): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (data.intents.length === 0) {
    issues.push({ severity: "error", code: "no-intents", field: "intents", message: "Add at least one intent for the bot to recognise." });
  }
  data.intents.forEach((intent, index) => {
    const examples = intent.examples.filter((example) => example.trim()).length;
    if (examples >= RECOMMENDED_EXAMPLES) return;
    issues.push({
      severity: examples < MIN_EXAMPLES ? "error" : "warning",
      code: "too-few-examples",
      field: `intents.${index}.examples`,
      message: `"${intent.name}" has ${examples} example phrase${examples === 1 ? "" : "s"}: add at least ${RECOMMENDED_EXAMPLES} (more is better) so the bot can recognise it.`,
    });
  });
  for (const { first, second, firstPhrase, secondPhrase, identical } of findIntentOverlaps(data.intents)) {
    const [a, b] = [data.intents[first].name, data.intents[second].name];
    issues.push({
      severity: "warning",
      code: "overlapping-intents",
      field: `intents.${second}.examples`,
      message: identical
        ? `"${a}" and "${b}" both have the phrase "${firstPhrase}": the bot cannot tell them apart on it. Keep it in one of them.`
        : `"${a}" ("${firstPhrase}") and "${b}" ("${secondPhrase}") have nearly the same phrase: the bot cannot tell them apart on it. Reword one or keep it in one intent.`,
    });
  }
  return issues;
}
