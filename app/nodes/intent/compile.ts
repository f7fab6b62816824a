import { fnv1a } from "~/utils/fnv1a";
import type { CompileContext, NodeIssue, StateConfig } from "../types";
import { MIN_EXAMPLES, RECOMMENDED_EXAMPLES, UNSURE, type IntentData } from "./schema";

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
  return {
    initial: "listen",
    states: {
      listen: ctx.waiting({ on: { "customer.message": [{ target: "classify" }] } }),
      classify: {
        invoke: {
          src: "classifyIntent",
          input: ({ context }) => ({ modelKey, intents, text: context.customerMessages[context.customerMessages.length - 1] ?? "" }),
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
  return issues;
}
