/**
 * Every node kind, by id, collected from the one list in `./kind-list.ts`. The compiler, the
 * diagnostics, the turn runner, the runtime, the builder, the inbox, analytics and the demo
 * history know kinds only through it. Browser-safe: definitions never import server code.
 */
import * as kindList from "./kind-list";
import type { NodeKindDefinition } from "./types";

type KindList = typeof kindList;

/** Every entry of the list is a kind definition (a typo'd export is a type error here). */
const checked: { [K in keyof KindList]: NodeKindDefinition<ReturnType<KindList[K]["createData"]>> } = kindList;

function isDefinition(value: unknown): value is NodeKindDefinition<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { compile?: unknown }).compile === "function";
}

// Module namespaces may carry interop keys ("default", "__esModule") depending on the bundler.
const entries = Object.entries(checked as Record<string, unknown>)
  .filter((entry): entry is [string, NodeKindDefinition<unknown>] => isDefinition(entry[1]))
  .sort(([, a], [, b]) => a.paletteOrder - b.paletteOrder);

export const nodeRegistry: KindList = Object.fromEntries(entries) as unknown as KindList;

/** Kind ids in palette order. */
export const KIND_IDS = entries.map(([id]) => id) as Array<keyof KindList>;

export function getNodeKind(kind: keyof KindList): NodeKindDefinition<unknown> {
  return nodeRegistry[kind] as unknown as NodeKindDefinition<unknown>;
}

/** The kind every conversation begins at (the one declaring `role: "entry"`). */
export const ENTRY_KIND: keyof KindList = (() => {
  const entry = entries.find(([, definition]) => definition.role === "entry");
  if (!entry) throw new Error('No node kind declares role "entry"');
  return entry[0] as keyof KindList;
})();
