import { getNodeKind } from "~/nodes/registry";
import type { IntentModel } from "~/nodes/types";
import type { FlowDocument } from "./document";

/** Every classifier the flow's nodes run (model key + intents), as their compiled states ask for it. */
export function listIntentModels(document: FlowDocument): IntentModel[] {
  return document.nodes.flatMap((node) => {
    const model = getNodeKind(node.kind).intentModel?.({ id: node.id, data: node.data });
    return model ? [model] : [];
  });
}
