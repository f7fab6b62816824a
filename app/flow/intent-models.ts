import { intentModelOf } from "~/nodes/intent/compile";
import type { FlowDocument } from "./document";

/** Every intent node's classifier input (model key + intents), as its compiled state asks for it. */
export function listIntentModels(document: FlowDocument): ReturnType<typeof intentModelOf>[] {
  return document.nodes.flatMap((node) => (node.kind === "intent" ? [intentModelOf(node)] : []));
}
