/** Kind ids are stored in every flow document: they are short and never change (see kind-list.ts). */
import { KIND_IDS, type nodeRegistry } from "./registry";

export type NodeKind = keyof typeof nodeRegistry;

/** In palette order. */
export const NODE_KINDS: readonly NodeKind[] = KIND_IDS;
