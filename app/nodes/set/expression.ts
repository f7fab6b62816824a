/**
 * The small, safe expressions a "Set a field" step computes, e.g. `attempts + 1` or
 * `lower(trim(order_status))`. Parsed into a tree by hand and evaluated over the fields: there
 * is no `eval`, no property access and no loops, so an expression can only produce a value.
 *
 * Grammar: sum := product (("+" | "-") product)* ; product := unary (("*" | "/" | "%") unary)* ;
 * unary := "-" unary | atom ; atom := number | "text" | 'text' | field | name "(" args ")" | "(" sum ")".
 * `+` adds when both sides are numbers (a missing field counts as 0), and joins text otherwise.
 */
import type { FieldValue } from "../shared/context";

export type Expression =
  | { type: "number"; value: number }
  | { type: "text"; value: string }
  | { type: "field"; name: string }
  | { type: "call"; name: FunctionName; args: Expression[] }
  | { type: "negate"; operand: Expression }
  | { type: "binary"; operator: "+" | "-" | "*" | "/" | "%"; left: Expression; right: Expression };

type Value = number | string;

const FUNCTIONS = {
  lower: { arity: [1, 1], run: (args: Value[]) => text(args[0]).toLowerCase() },
  upper: { arity: [1, 1], run: (args: Value[]) => text(args[0]).toUpperCase() },
  trim: { arity: [1, 1], run: (args: Value[]) => text(args[0]).trim() },
  length: { arity: [1, 1], run: (args: Value[]) => [...text(args[0])].length },
  number: { arity: [1, 1], run: (args: Value[]) => toNumber(args[0]) },
  text: { arity: [1, 1], run: (args: Value[]) => text(args[0]) },
  round: { arity: [1, 2], run: (args: Value[]) => roundTo(toNumber(args[0]), args.length > 1 ? toNumber(args[1]) : 0) },
  abs: { arity: [1, 1], run: (args: Value[]) => Math.abs(toNumber(args[0])) },
  min: { arity: [2, 10], run: (args: Value[]) => Math.min(...args.map(toNumber)) },
  max: { arity: [2, 10], run: (args: Value[]) => Math.max(...args.map(toNumber)) },
  default: { arity: [2, 2], run: (args: Value[]) => (text(args[0]).trim() === "" ? args[1] : args[0]) },
  replace: { arity: [3, 3], run: (args: Value[]) => text(args[0]).split(text(args[1])).join(text(args[2])) },
} satisfies Record<string, { arity: [number, number]; run: (args: Value[]) => Value }>;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

export class ExpressionError extends Error {}

function text(value: Value): string {
  return typeof value === "number" ? String(value) : value;
}

function isNumeric(value: Value): boolean {
  return typeof value === "number" || value.trim() === "" || Number.isFinite(Number(value.trim()));
}

function toNumber(value: Value): number {
  if (typeof value === "number") return value;
  if (value.trim() === "") return 0;
  const parsed = Number(value.trim());
  if (!Number.isFinite(parsed)) throw new ExpressionError(`"${value}" is not a number`);
  return parsed;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** Math.max(0, Math.min(10, Math.trunc(digits)));
  return Math.round(value * factor) / factor;
}

type Token = { kind: "number" | "text" | "name" | "op"; value: string; at: number };

const MAX_LENGTH = 1000;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%(),]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) throw new ExpressionError(`Unexpected "${source.slice(at).trim()[0]}" at position ${at + 1 + (source.slice(at).length - source.slice(at).trimStart().length)}`);
    const start = match.index + match[0].length - match[0].trimStart().length;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: match[1], at: start });
    else if (match[2] !== undefined || match[3] !== undefined) tokens.push({ kind: "text", value: (match[2] ?? match[3]).replace(/\\(.)/g, "$1"), at: start });
    else if (match[4] !== undefined) tokens.push({ kind: "name", value: match[4], at: start });
    else tokens.push({ kind: "op", value: match[5], at: start });
    at = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expression {
    if (this.tokens.length === 0) throw new ExpressionError("The calculation is empty");
    const expression = this.sum();
    const extra = this.tokens[this.index];
    if (extra) throw new ExpressionError(`Unexpected "${extra.value}" at position ${extra.at + 1}`);
    return expression;
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === "op" && token.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) {
      const token = this.tokens[this.index];
      throw new ExpressionError(token ? `Expected "${value}" at position ${token.at + 1}` : `Expected "${value}" at the end`);
    }
    this.index += 1;
  }

  private sum(): Expression {
    let left = this.product();
    while (this.peek("+") || this.peek("-")) {
      const operator = this.tokens[this.index++].value as "+" | "-";
      left = { type: "binary", operator, left, right: this.product() };
    }
    return left;
  }

  private product(): Expression {
    let left = this.unary();
    while (this.peek("*") || this.peek("/") || this.peek("%")) {
      const operator = this.tokens[this.index++].value as "*" | "/" | "%";
      left = { type: "binary", operator, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expression {
    if (this.peek("-")) {
      this.index += 1;
      return { type: "negate", operand: this.unary() };
    }
    return this.atom();
  }

  private atom(): Expression {
    const token = this.tokens[this.index];
    if (!token) throw new ExpressionError("The calculation ends too early");
    if (++this.depth > 50) throw new ExpressionError("The calculation is nested too deeply");
    try {
      this.index += 1;
      if (token.kind === "number") return { type: "number", value: Number(token.value) };
      if (token.kind === "text") return { type: "text", value: token.value };
      if (token.kind === "name") return this.peek("(") ? this.call(token) : { type: "field", name: token.value };
      if (token.value === "(") {
        const inner = this.sum();
        this.expect(")");
        return inner;
      }
      throw new ExpressionError(`Unexpected "${token.value}" at position ${token.at + 1}`);
    } finally {
      this.depth -= 1;
    }
  }

  private call(name: Token): Expression {
    if (!Object.hasOwn(FUNCTIONS, name.value)) throw new ExpressionError(`Unknown function ${name.value}(): use ${FUNCTION_NAMES.join(", ")}`);
    const fn = name.value as FunctionName;
    this.expect("(");
    const args: Expression[] = [];
    if (!this.peek(")")) {
      args.push(this.sum());
      while (this.peek(",")) {
        this.index += 1;
        args.push(this.sum());
      }
    }
    this.expect(")");
    const [least, most] = FUNCTIONS[fn].arity;
    if (args.length < least || args.length > most) throw new ExpressionError(`${fn}() takes ${least === most ? least : `${least} to ${most}`} value${most === 1 ? "" : "s"}`);
    return { type: "call", name: fn, args };
  }
}

export function parseExpression(source: string): { ok: true; expression: Expression } | { ok: false; error: string } {
  if (source.length > MAX_LENGTH) return { ok: false, error: `The calculation is longer than ${MAX_LENGTH} characters` };
  try {
    return { ok: true, expression: new Parser(tokenize(source)).parse() };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message };
    throw error;
  }
}

/** The fields an expression reads. */
export function listExpressionFields(expression: Expression): string[] {
  switch (expression.type) {
    case "field":
      return [expression.name];
    case "call":
      return expression.args.flatMap(listExpressionFields);
    case "negate":
      return listExpressionFields(expression.operand);
    case "binary":
      return [...listExpressionFields(expression.left), ...listExpressionFields(expression.right)];
    default:
      return [];
  }
}

function evaluate(expression: Expression, fields: Record<string, FieldValue>): Value {
  switch (expression.type) {
    case "number":
    case "text":
      return expression.value;
    case "field":
      return fields[expression.name] ?? "";
    case "negate":
      return -toNumber(evaluate(expression.operand, fields));
    case "call":
      return FUNCTIONS[expression.name].run(expression.args.map((arg) => evaluate(arg, fields)));
    case "binary": {
      const left = evaluate(expression.left, fields);
      const right = evaluate(expression.right, fields);
      if (expression.operator === "+") return isNumeric(left) && isNumeric(right) ? toNumber(left) + toNumber(right) : text(left) + text(right);
      const a = toNumber(left);
      const b = toNumber(right);
      if ((expression.operator === "/" || expression.operator === "%") && b === 0) throw new ExpressionError("division by zero");
      return expression.operator === "-" ? a - b : expression.operator === "*" ? a * b : expression.operator === "/" ? a / b : a % b;
    }
  }
}

/** The value, or the reason it could not be computed (never throws for a parsed expression). */
export function evaluateExpression(expression: Expression, fields: Record<string, FieldValue>): { ok: true; value: FieldValue } | { ok: false; error: string } {
  try {
    const value = evaluate(expression, fields);
    if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, error: "the result is not a number" };
    return { ok: true, value: typeof value === "number" ? roundTo(value, 10) : value.slice(0, 2000) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message };
    throw error;
  }
}
