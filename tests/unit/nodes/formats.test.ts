import { describe, expect, it } from "vitest";
import { compileFlow, runTurn, startConversation } from "~/flow";
import { extractFromMessage } from "~/nodes/collect/extract";
import { validateAnswer } from "~/nodes/collect/validate";
import { describeExpectedAnswer, patternForFormat, patternFromExample, POSTAL_COUNTRIES, type AnswerFormat } from "~/nodes/collect/formats";
import { checkPattern, matchPattern } from "~/nodes/shared/pattern";
import { createFakeEngines } from "../../support/fake-engines";
import { buildFlow, compileClean } from "../flow/helpers";

const accepts = (format: AnswerFormat, answer: string) => matchPattern(answer, patternForFormat(format) ?? "");

describe("collect formats", () => {
  it("learn a pattern from an example: letters, digits, separators as written", () => {
    expect(patternFromExample("ABC-1234")).toBe("\\b[a-z]{3}-\\d{4}\\b");
    expect(patternFromExample("A-12345")).toBe("\\b[a-z]-\\d{5}\\b");
    expect(patternFromExample("#4821.x")).toBe("#\\d{4}\\.[a-z]\\b");
    expect(patternFromExample("SW1A 1AA")).toBe("\\b[a-z]{2}\\d[a-z]\\s?\\d[a-z]{2}\\b");
    expect(patternFromExample("Ñandú-7")).toBe("\\p{L}{5}-\\d\\b");
    expect(patternFromExample("--")).toBeNull();
  });

  it("accept answers shaped like the example, in a sentence too, and nothing else", () => {
    const format: AnswerFormat = { kind: "example", example: "ABC-1234" };
    expect(accepts(format, "xyz-9876")).toBe("xyz-9876");
    expect(accepts(format, "it's QRS-0001 thanks")).toBe("QRS-0001");
    for (const wrong of ["AB-1234", "ABCD-1234", "ABC-123", "ABC1234", "ABC-12345"]) expect(accepts(format, wrong), wrong).toBeNull();
  });

  it("check digits by length, and postal codes by country", () => {
    expect(accepts({ kind: "digits", min: 6, max: 8 }, "order 1234567")).toBe("1234567");
    expect(accepts({ kind: "digits", min: 6, max: 8 }, "12345")).toBeNull();
    expect(accepts({ kind: "digits", min: 6, max: 8 }, "123456789")).toBeNull();
    expect(accepts({ kind: "postal", country: "US" }, "94103-1234")).toBe("94103-1234");
    expect(accepts({ kind: "postal", country: "UK" }, "sw1a 1aa")).toBe("sw1a 1aa");
    expect(accepts({ kind: "postal", country: "NL" }, "1012AB")).toBe("1012AB");
    expect(accepts({ kind: "postal", country: "DE" }, "1011")).toBeNull();
    expect(patternForFormat({ kind: "regex" })).toBeNull();
  });

  it("generate only patterns the linear-time engine runs and the builder's check accepts", () => {
    const formats: AnswerFormat[] = [
      ...Object.keys(POSTAL_COUNTRIES).map((country) => ({ kind: "postal", country }) as AnswerFormat),
      { kind: "digits", min: 1, max: 30 },
      ...["ABC-1234", "a.b*c+d?(e)[f]{g}|h^i$j\\k/l", "Ñandú 7", "12 34"].map((example) => ({ kind: "example", example }) as AnswerFormat),
    ];
    for (const format of formats) {
      const pattern = patternForFormat(format);
      expect(pattern, JSON.stringify(format)).toBeTruthy();
      expect(checkPattern(pattern ?? ""), pattern ?? "").toBeNull();
    }
    // Regex metacharacters in an example are literals, not syntax.
    expect(accepts({ kind: "example", example: "a.b" }, "x.y")).toBe("x.y");
    expect(accepts({ kind: "example", example: "a.b" }, "xzy")).toBeNull();
  });

  it("run in a compiled flow: the preset decides, the step's own pattern is ignored", async () => {
    const document = buildFlow(
      [
        ["s", "start", { greeting: "" }],
        ["c", "collect", { field: "order_id", question: "Order number?", type: "pattern", pattern: "^never$", format: { kind: "example", example: "ABC-1234" } }],
        ["m", "message", { text: "Got {{order_id}}" }],
        ["e", "end"],
      ],
      [["s", "next", "c"], ["c", "captured", "m"], ["c", "failed", "e"], ["m", "next", "e"]],
    );
    const machine = compileClean(document);
    const engines = createFakeEngines();
    const start = await startConversation(machine, engines);
    const wrong = await runTurn(machine, engines, start.snapshot, { type: "customer.message", text: "12345" });
    // The retry hint says what a valid answer looks like, not only that this one is wrong.
    expect(wrong.messages[0]?.text).toBe("That doesn't look like a valid order number: it should be like ABC-1234. Please check it and try again.");
    const right = await runTurn(machine, engines, wrong.snapshot, { type: "customer.message", text: "my order is xyz-0042" });
    expect(right.messages[0]?.text).toBe("Got xyz-0042");
  });

  it("put the expected answer in words for the retry hint: presets, and a hand-written pattern only when it is a Digits preset's", () => {
    expect(describeExpectedAnswer({ kind: "digits", min: 10, max: 10 }, "")).toBe("10 digits");
    expect(describeExpectedAnswer({ kind: "postal", country: "UK" }, "")).toBe("a UK postal code");
    expect(describeExpectedAnswer(undefined, "\\b\\d{10}\\b")).toBe("10 digits");
    expect(describeExpectedAnswer({ kind: "regex" }, "\\b\\d{4,6}\\b")).toBe("4–6 digits");
    expect(describeExpectedAnswer({ kind: "regex" }, "^\\d{10}$")).toBeUndefined();
    expect(describeExpectedAnswer(undefined, "\\b[a-z]{2}\\d{10}\\b")).toBeUndefined();
  });

  it("name an unusable example on the format field", () => {
    const document = buildFlow(
      [["s", "start"], ["c", "collect", { field: "code", question: "Code?", type: "pattern", format: { kind: "example", example: "--" } }], ["e", "end"]],
      [["s", "next", "c"], ["c", "captured", "e"], ["c", "failed", "e"]],
    );
    const problems = compileFlow(document).diagnostics.filter((diagnostic) => diagnostic.nodeId === "c");
    expect(problems).toEqual([expect.objectContaining({ severity: "error", code: "invalid-format", field: "format", message: "Type an example answer with at least one letter or digit, e.g. ABC-1234." })]);
  });
});

describe("yes or no", () => {
  const yesNoFlow = (locale?: string) =>
    buildFlow(
      [["s", "start", { greeting: "" }], ["c", "collect", { field: "gift", question: "Is it a gift?", type: "yesno" }], ["m", "message", { text: "Gift: {{gift}}" }], ["e", "end"]],
      [["s", "next", "c"], ["c", "captured", "m"], ["c", "failed", "e"], ["m", "next", "e"]],
      locale ? { locale } : {},
    );

  it("asks with the bot language's Yes / No buttons and stores a plain yes or no", async () => {
    const machine = compileClean(yesNoFlow("es"));
    const engines = createFakeEngines();
    const start = await startConversation(machine, engines);
    expect(start.messages[0]).toMatchObject({ text: "Is it a gift?", choices: ["Sí", "No"] });
    const unsure = await runTurn(machine, engines, start.snapshot, { type: "customer.message", text: "quizás" });
    expect(unsure.messages[0]).toMatchObject({ text: "Responde sí o no, por favor.", choices: ["Sí", "No"] });
    const yes = await runTurn(machine, engines, unsure.snapshot, { type: "customer.message", text: "Sí" });
    expect(yes.messages[0]?.text).toBe("Gift: yes");
  });

  it("understands the usual ways of saying it, and never guesses from an earlier message", async () => {
    const spec = { field: "gift", type: "yesno" as const, pattern: "", choices: [] };
    for (const answer of ["yes", "Yeah!", "of course", "OUI", "ja.", "sim"]) expect(validateAnswer(answer, spec), answer).toEqual({ ok: true, value: "yes" });
    for (const answer of ["no", "Nope", "not really", "nein", "não"]) expect(validateAnswer(answer, spec), answer).toEqual({ ok: true, value: "no" });
    expect(validateAnswer("yes and no", spec)).toEqual({ ok: false, hint: "Please answer yes or no." });
    expect(extractFromMessage("yes, my order is late", spec)).toBeNull();
  });
});
