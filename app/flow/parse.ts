/**
 * Parsing a flow document from untrusted JSON (import, API, CLI) into plain-language errors,
 * every one of them with its path, node id and field, so an import can list them all at once.
 */
import type { z } from "zod";
import { NODE_KINDS } from "~/nodes/kinds";
import { FlowDocumentSchema, type FlowDocument } from "./document";
import { checkFlowSize } from "./limits";

export type FlowParseError = { path: string; nodeId?: string; edgeId?: string; field?: string; message: string };
export type FlowParseResult = { ok: true; document: FlowDocument } | { ok: false; errors: FlowParseError[] };

type PathKey = PropertyKey;

function formatPath(path: readonly PathKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = { string: "text", number: "a number", boolean: "true or false", array: "a list", object: "an object" };

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      return `Must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeType(issue.input)}.`;
    case "invalid_value":
      return issue.values.length === 1 ? `Must be ${JSON.stringify(issue.values[0])}.` : `Must be one of: ${issue.values.map(String).join(", ")}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Must not be empty." : `Must be at least ${issue.minimum} characters long.`;
      if (issue.origin === "array") return `Needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}.`;
      return `Must be at least ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Must be at most ${issue.maximum} characters long.`;
      if (issue.origin === "array") return `Has too many items (at most ${issue.maximum}).`;
      return `Must be at most ${issue.maximum}.`;
    case "invalid_union":
      if (issue.path[issue.path.length - 1] === "kind") {
        const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
        return `Unknown node kind ${kind === undefined ? "(missing)" : JSON.stringify(kind)}. Use one of: ${NODE_KINDS.join(", ")}.`;
      }
      return "This value is not valid.";
    case "not_multiple_of":
      return "Must be a whole number.";
    default:
      return issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  }
}

function locate(path: readonly PathKey[], input: unknown): Omit<FlowParseError, "message" | "path"> {
  const root = (input ?? {}) as { nodes?: unknown; edges?: unknown };
  const [section, index, ...rest] = path;
  if ((section === "nodes" || section === "edges") && typeof index === "number") {
    const list = Array.isArray(root[section]) ? (root[section] as unknown[]) : [];
    const item = list[index] as { id?: unknown } | undefined;
    const id = item && typeof item.id === "string" ? item.id : undefined;
    const fieldPath = section === "nodes" && rest[0] === "data" ? rest.slice(1) : rest;
    const field = fieldPath.length ? fieldPath.map(String).join(".") : undefined;
    return section === "nodes" ? { nodeId: id, field } : { edgeId: id, field };
  }
  return path.length ? { field: path.map(String).join(".") } : {};
}

export function parseFlowDocument(json: unknown): FlowParseResult {
  const tooBig = checkFlowSize(json);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const result = FlowDocumentSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, document: result.data as FlowDocument };
  const errors: FlowParseError[] = [];
  for (const issue of result.error.issues) {
    // zod reports all unknown keys of one object in one issue: list each key on its own.
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const message = issue.code === "unrecognized_keys" ? `Unknown field "${String(path[path.length - 1])}".` : messageFor(issue);
      errors.push({ path: formatPath(path), ...locate(path, json), message });
    }
  }
  return { ok: false, errors };
}

/** One line per error, for the CLI and logs: `nodes[2] (node n3) question: This field is required.` */
export function formatFlowParseError(error: FlowParseError): string {
  const where = error.nodeId ? ` (node ${error.nodeId})` : error.edgeId ? ` (edge ${error.edgeId})` : "";
  return `${error.path || "document"}${where}: ${error.message}`;
}

/**
 * Serialises with a fixed key order (the schema's), 2-space indent and a trailing newline, so
 * `flows/<slug>.json` diffs stay readable. Nodes and edges keep their order.
 */
export function stringifyFlowDocument(document: FlowDocument): string {
  const normalised = FlowDocumentSchema.parse(document);
  return `${JSON.stringify(normalised, null, 2)}\n`;
}
