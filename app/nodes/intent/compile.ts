import { fnv1a } from "~/utils/fnv1a";
import type { CompileContext, NodeIssue, StateConfig } from "../types";
import { MIN_EXAMPLES, RECOMMENDED_EXAMPLES, UNSURE, type IntentData } from "./schema";
import { findIntentOverlaps } from "./overlap";
import { claimedSocialKinds, socialDecision } from "./social";

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
  const { threshold } = node.data;
  const { modelKey, intents } = intentModelOf(node);
  const record = { type: "intent.record", params: { nodeId: node.id, threshold, names: intents.map((i) => i.name) } };
  // Greetings, thanks, small talk and contact details are answered and the step listens again
  // (no failure counted), unless the flow's own intents are about them.
  const claimed = claimedSocialKinds(intents);
  const social = { nodeId: node.id, claimed, replies: ctx.phrases.social };
  return {
    initial: "listen",
    states: {
      listen: ctx.waiting({
        on: {
          "customer.message": [{ guard: { type: "intent.isSocial", params: social }, actions: [{ type: "intent.acknowledge", params: social }] }, { target: "classify" }],
        },
      }),
      classify: {
        invoke: {
          src: "classifyIntent",
          input: ({ context }) => ({ modelKey, intents, text: socialDecision(context.customerMessages[context.customerMessages.length - 1] ?? "", claimed).classify }),
          onDone: [
            ...intents.map((intent) => ({
              guard: { type: "intent.isMatch", params: { name: intent.name, threshold } },
              target: ctx.out(intent.name),
              actions: [record],
            })),
            { target: ctx.out(UNSURE), actions: [record] },
          ],
          onError: [ctx.engineFailed("intents")],
        },
      },
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
