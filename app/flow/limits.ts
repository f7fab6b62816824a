/**
 * How big a flow may be. Every flow is compiled once per version and kept compiled in memory,
 * and the builder draws every step: without a bound, one imported document could cost every
 * other customer seconds of a stalled server. Checked before anything else parses, compiles or
 * salvages the document (import, save, publish, the command line), with a message that says what
 * to do. Text fields have their own limits in each kind's schema.
 */
export const FLOW_LIMITS = {
  steps: 1_000,
  edges: 3_000,
  /** The document as JSON (UTF-8): a 1,000-step flow with long texts fits comfortably. */
  jsonBytes: 2_000_000,
} as const;

export type FlowSizeError = { path: string; message: string };

const format = (count: number) => count.toLocaleString("en-US");

/** A JSON text's size in UTF-8 bytes, for a check before JSON.parse. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function checkFlowJsonBytes(bytes: number): FlowSizeError | null {
  if (bytes <= FLOW_LIMITS.jsonBytes) return null;
  return {
    path: "",
    message: `This flow is ${format(Math.ceil(bytes / 1000))} kB of JSON; a flow can be at most ${format(FLOW_LIMITS.jsonBytes / 1000)} kB. Split it into smaller flows or shorten its texts.`,
  };
}

/** The first limit `input` (parsed JSON, not yet validated) breaks, or null. */
export function checkFlowSize(input: unknown): FlowSizeError | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch {
    return { path: "", message: "This flow cannot be read as JSON." };
  }
  const bytes = checkFlowJsonBytes(utf8Bytes(json ?? ""));
  if (bytes) return bytes;
  const { nodes, edges } = (input ?? {}) as { nodes?: unknown; edges?: unknown };
  if (Array.isArray(nodes) && nodes.length > FLOW_LIMITS.steps) {
    return { path: "nodes", message: `This flow has ${format(nodes.length)} steps; a flow can have at most ${format(FLOW_LIMITS.steps)}. Split it into smaller flows.` };
  }
  if (Array.isArray(edges) && edges.length > FLOW_LIMITS.edges) {
    return { path: "edges", message: `This flow has ${format(edges.length)} connections; a flow can have at most ${format(FLOW_LIMITS.edges)}. Split it into smaller flows.` };
  }
  return null;
}
