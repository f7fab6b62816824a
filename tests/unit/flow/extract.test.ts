import { describe, expect, it } from "vitest";
import { extractField, extractFromMessage } from "~/nodes/collect/extract";
import { validateAnswer } from "~/nodes/collect/validate";

type Spec = Parameters<typeof validateAnswer>[1];
const spec = (type: Spec["type"], extra: Partial<Spec> = {}): Spec => ({ field: "value", type, pattern: "", choices: [], ...extra });
const now = new Date("2026-03-10T12:00:00Z");

describe("validateAnswer", () => {
  it.each<[Spec, string, string | number]>([
    [spec("text"), "  my jacket ripped  ", "my jacket ripped"],
    [spec("email"), "Ana@Example.COM", "ana@example.com"],
    [spec("phone"), "+1 (555) 010-2030", "+15550102030"],
    [spec("number"), "$1,250.50", 1250.5],
    [spec("number"), "3", 3],
    [spec("pattern", { pattern: "\\b\\d{10}\\b" }), "order 1234567890 please", "1234567890"],
    [spec("choice", { choices: ["Gift card", "Credit card"] }), "credit CARD", "Credit card"],
    [spec("choice", { choices: ["Gift card", "Credit card"] }), "1", "Gift card"],
    [spec("date"), "2026-03-12", "2026-03-12"],
    [spec("date"), "12/03/2026", "2026-03-12"],
    [spec("date"), "tomorrow", "2026-03-11"],
    [spec("date"), "Mañana", "2026-03-11"],
  ])("%o accepts %j as %j", (fieldSpec, answer, value) => {
    expect(validateAnswer(answer, fieldSpec, now)).toEqual({ ok: true, value });
  });

  it.each<[Spec, string, string]>([
    [spec("email"), "ana at example", "That doesn't look like an email address. Please type it like name@example.com."],
    [spec("phone"), "call me", "That doesn't look like a phone number. Please type the digits, for example +1 555 010 2030."],
    [spec("number"), "a few", "Please answer with a number, for example 2."],
    [spec("pattern", { field: "order_id", pattern: "^\\d{10}$" }), "12345", "That doesn't look like a valid order number. Please check it and try again."],
    // The question asks for the "order number": the hint names the same thing, never the variable's "id".
    [spec("pattern", { field: "trackingId", pattern: "^\\d{10}$" }), "12345", "That doesn't look like a valid tracking number. Please check it and try again."],
    [spec("choice", { choices: ["S", "M"] }), "3", "Please choose one of: S, M."],
    [spec("date"), "31/02/2026", "Please give a date like 2026-03-12 or 12/03/2026."],
    [spec("text"), "   ", "I didn't catch that. Please type your value."],
  ])("%o rejects %j with a specific hint", (fieldSpec, answer, hint) => {
    expect(validateAnswer(answer, fieldSpec, now)).toEqual({ ok: false, hint });
  });
});

describe("extractFromMessage", () => {
  it("finds values of each type inside a sentence", () => {
    expect(extractFromMessage("hi, I'm ana@example.com and need help", spec("email"))).toBe("ana@example.com");
    expect(extractFromMessage("my phone is 555 010 2030", spec("phone"))).toBe("5550102030");
    expect(extractFromMessage("call me on +44 20 7946 0958 please", spec("phone"))).toBe("+442079460958");
    expect(extractFromMessage("I ordered 3 shirts", spec("number"))).toBe(3);
    expect(extractFromMessage("order 1234567890 is late", spec("pattern", { pattern: "\\b\\d{10}\\b" }))).toBe("1234567890");
    expect(extractFromMessage("I'd like it on a gift card", spec("choice", { choices: ["Gift card", "Credit card"] }))).toBe("Gift card");
    expect(extractFromMessage("it should arrive by 2026-03-14", spec("date"), now)).toBe("2026-03-14");
    expect(extractFromMessage("it was delivered yesterday", spec("date"), now)).toBe("2026-03-09");
  });

  it("does not guess", () => {
    expect(extractFromMessage("I want to return my jacket", spec("text"))).toBeNull();
    expect(extractFromMessage("order 1234567890 is late", spec("phone"))).toBeNull();
    expect(extractFromMessage("2 shirts and 3 socks", spec("number"))).toBeNull();
    expect(extractFromMessage("either a gift card or a credit card", spec("choice", { choices: ["Gift card", "Credit card"] }))).toBeNull();
    expect(extractFromMessage("no email here @ all", spec("email"))).toBeNull();
  });
});

describe("extractField", () => {
  it("prefers the most recent message", () => {
    expect(extractField(["old@example.com", "sorry, new@example.com"], spec("email"))).toBe("new@example.com");
    expect(extractField(["new@example.com", "thanks"], spec("email"))).toBe("new@example.com");
    expect(extractField([], spec("email"))).toBeNull();
  });
});
