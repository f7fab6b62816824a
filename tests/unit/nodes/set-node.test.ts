/** "Set a field": the calculation language (no eval) and the step in a running flow. */
import { describe, expect, it } from "vitest";
import { diagnoseSet, listSetReads } from "~/nodes/set/compile";
import { evaluateExpression, parseExpression } from "~/nodes/set/expression";
import { SetDataSchema } from "~/nodes/set/schema";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean, Conversation, texts } from "../flow/helpers";

function calc(source: string, fields: Record<string, string | number> = {}) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluateExpression(parsed.expression, fields);
}

describe("calculations", () => {
  it.each([
    ["attempts + 1", { attempts: 2 }, 3],
    ["attempts + 1", {}, 1],
    ['attempts + 1', { attempts: "4" }, 5],
    ["(price - discount) * 2 / 4", { price: 10, discount: 2 }, 4],
    ["-3 + 10 % 4", {}, -1],
    ["0.1 + 0.2", {}, 0.3],
    ["lower(trim(status))", { status: "  SHIPPED " }, "shipped"],
    ['first + " " + last', { first: "Ana", last: "Lopez" }, "Ana Lopez"],
    ["upper(replace(code, '-', ''))", { code: "ab-12-c" }, "AB12C"],
    ['default(nickname, "there")', {}, "there"],
    ["round(total / 3, 2)", { total: 10 }, 3.33],
    ["max(1, n, 3) + length('héllo')", { n: 7 }, 12],
  ])("%s with %j is %j", (source, fields, expected) => expect(calc(source, fields)).toEqual({ ok: true, value: expected }));

  it.each([
    ["", "The calculation is empty"],
    ["1 +", "The calculation ends too early"],
    ["(1 + 2", 'Expected ")" at the end'],
    ["1 2", 'Unexpected "2" at position 3'],
    ["process.exit(1)", 'Unexpected "." at position 8'],
    ["eval('1')", "Unknown function eval(): use lower, upper"],
    ["round()", "round() takes 1 to 2 values"],
    ["a; b", 'Unexpected ";" at position 2'],
    ["constructor(1)", "Unknown function constructor()"],
  ])("refuses %j: %s", (source, message) => {
    const parsed = parseExpression(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it("reports what cannot be computed instead of throwing", () => {
    expect(calc("total * 2", { total: "lots" })).toEqual({ ok: false, error: '"lots" is not a number' });
    expect(calc("1 / zero", { zero: 0 })).toEqual({ ok: false, error: "division by zero" });
  });

  it("refuses very deep nesting and very long input", () => {
    expect(parseExpression("(".repeat(60) + "1" + ")".repeat(60))).toMatchObject({ ok: false, error: "The calculation is nested too deeply" });
    expect(parseExpression("1+".repeat(600) + "1").ok).toBe(false);
  });

  it("lists the fields it reads, for the never-collected check", () => {
    expect(listSetReads(SetDataSchema.parse({ field: "x", mode: "expression", value: "a + lower(b) + a" }))).toEqual([{ name: "a", field: "value" }, { name: "b", field: "value" }]);
    expect(diagnoseSet(SetDataSchema.parse({ mode: "expression", value: "a +" }))).toEqual([{ severity: "error", code: "invalid-expression", field: "value", message: "The calculation ends too early." }]);
    expect(diagnoseSet(SetDataSchema.parse({ mode: "text", value: "{{a}} +" }))).toEqual([]);
  });
});

describe("a set step in a flow", () => {
  it("counts attempts around a loop and normalises a value, then routes on them", async () => {
    const machine = compileClean(
      buildFlow(
        [
          ["start", "start", { greeting: "Hi" }],
          ["ask", "collect", { field: "status", question: "Status?" }],
          ["normalise", "set", { field: "status", mode: "expression", value: "lower(trim(status))" }],
          ["count", "set", { field: "attempts", mode: "expression", value: "attempts + 1" }],
          ["label", "set", { field: "summary", mode: "text", value: "{{status}} after {{attempts}}" }],
          ["enough", "condition", { field: "attempts", operator: "lt", value: 2 }],
          ["again", "intent", { intents: [{ name: "more", examples: ["once more", "again please", "more", "yes again", "another one"] }] }],
          ["done", "message", { text: "Got {{summary}}" }],
          ["end", "end", { text: "Bye" }],
        ],
        [
          ["start", "next", "ask"],
          ["ask", "captured", "normalise"],
          ["ask", "failed", "end"],
          ["normalise", "next", "count"],
          ["count", "next", "label"],
          ["label", "next", "enough"],
          ["enough", "true", "again"],
          ["enough", "false", "done"],
          ["again", "more", "count"],
          ["again", "unsure", "end"],
          ["done", "next", "end"],
        ],
      ),
    );
    const conversation = new Conversation(machine, createFakeEngines());
    await conversation.start();
    const first = await conversation.say("  In TRANSIT ");
    expect(first.state.fields).toMatchObject({ status: "in transit", attempts: 1, summary: "in transit after 1" });
    expect(first.events).toContainEqual({ type: "field.captured", nodeId: "count", payload: { field: "attempts", value: 1, source: "set" } });
    expect(texts(first)).toEqual([]);
    const second = await conversation.say("once more");
    expect(texts(second)).toEqual(["Got in transit after 2", "Bye"]);
  });

  it("a calculation that fails leaves the field as it was, records why, and moves on", async () => {
    const machine = compileClean(
      buildFlow(
        [
          ["start", "start", { greeting: "Hi" }],
          ["ask", "collect", { field: "total", question: "Total?" }],
          ["double", "set", { field: "total", mode: "expression", value: "total * 2" }],
          ["say", "message", { text: "Total: {{total}}" }],
          ["end", "end", { text: "Bye" }],
        ],
        [
          ["start", "next", "ask"],
          ["ask", "captured", "double"],
          ["ask", "failed", "end"],
          ["double", "next", "say"],
          ["say", "next", "end"],
        ],
      ),
    );
    const conversation = new Conversation(machine, createFakeEngines());
    await conversation.start();
    const turn = await conversation.say("lots");
    expect(texts(turn)).toEqual(["Total: lots", "Bye"]);
    expect(turn.events).toContainEqual({ type: "field.setFailed", nodeId: "double", payload: { field: "total", error: '"lots" is not a number' } });
  });
});
