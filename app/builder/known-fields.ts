import type { FlowDocument } from "~/flow/document";
import { getNodeKind } from "~/nodes/registry";
import type { KnownField } from "~/nodes/shared/editor/types";
import { RUNTIME_FIELDS } from "./diagnostics";

/** The details a flow can use in `{{…}}`: what its steps collect plus what the runtime fills. */
export function listKnownFields(document: FlowDocument): KnownField[] {
  const fields = new Map<string, KnownField>(RUNTIME_FIELDS.map((name) => [name, { name, type: "contact", choices: [] }]));
  for (const node of document.nodes) {
    const captured = getNodeKind(node.kind).fieldsCaptured?.(node.data) ?? [];
    for (const name of captured) {
      // A capturing step may say what kind of value it takes (collect's type and choices): the
      // preview shows a sample of that kind. Read loosely, so any future capturing kind works.
      const data = node.data as { type?: KnownField["type"]; choices?: string[] };
      fields.set(name, { name, type: data.type ?? "text", choices: data.choices ?? [] });
    }
  }
  return [...fields.values()];
}
