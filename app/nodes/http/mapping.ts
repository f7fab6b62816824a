import type { FieldValue } from "../shared/context";
import { parseJsonPath, readJsonPath } from "./json-path";
import type { ResponseMapping } from "./schema";

export type MappingResult = { fields: Record<string, FieldValue>; missing: string[] };

/** Longer values are cut: a field is shown in messages and the handoff packet, not a data store. */
const MAX_VALUE_LENGTH = 2000;

/** Fields hold text or numbers: booleans read as "true"/"false", objects and arrays as JSON. */
function toFieldValue(value: unknown): FieldValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = typeof value === "string" ? value : typeof value === "boolean" ? String(value) : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? text.slice(0, MAX_VALUE_LENGTH) : text;
}

/** Reads each mapped path from the parsed response; `missing` lists the required paths with no value. */
export function applyResponseMapping(response: unknown, map: ResponseMapping[]): MappingResult {
  const fields: Record<string, FieldValue> = {};
  const missing: string[] = [];
  for (const mapping of map) {
    const path = parseJsonPath(mapping.path);
    const value = path.ok ? toFieldValue(readJsonPath(response, path.segments)) : null;
    if (value !== null) fields[mapping.field] = value;
    else if (mapping.required) missing.push(mapping.path);
  }
  return { fields, missing };
}
