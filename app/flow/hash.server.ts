import { createHash } from "node:crypto";
import { stringifyFlowDocument } from "./parse";
import type { FlowDocument } from "./document";

/** A flow document's identity: the same content hashes the same however its JSON was laid out. */
export function hashFlowDocument(document: FlowDocument): string {
  return createHash("sha256").update(stringifyFlowDocument(document)).digest("hex");
}
