import type { FieldValue } from "../shared/context";
import { testPattern } from "../shared/pattern";
import type { ConditionOperator } from "./schema";

function toNumber(value: FieldValue | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || !value.trim()) return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** gt/lt compare numbers, or ISO dates as text (which sorts chronologically); anything else is false. */
function compare(left: FieldValue, right: FieldValue): number | null {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a !== null && b !== null) return a - b;
  if (typeof left === "string" && typeof right === "string" && ISO_DATE.test(left) && ISO_DATE.test(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return null;
}

/** Text comparisons ignore case and surrounding spaces: "Gold" equals "gold ". */
export function evaluateCondition(value: FieldValue | undefined, operator: ConditionOperator, expected: FieldValue): boolean {
  if (operator === "exists") return value !== undefined && String(value).trim() !== "";
  if (value === undefined) return false;
  const text = String(value).trim().toLowerCase();
  const wanted = String(expected).trim().toLowerCase();
  if (operator === "equals") {
    const a = toNumber(value);
    const b = toNumber(expected);
    return a !== null && b !== null ? a === b : text === wanted;
  }
  if (operator === "contains") return text.includes(wanted);
  if (operator === "matches") return testPattern(String(value), String(expected));
  const order = compare(value, expected);
  if (order === null) return false;
  return operator === "gt" ? order > 0 : order < 0;
}
