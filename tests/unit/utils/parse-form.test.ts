import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formFailure, parseForm } from "~/utils/parse-form";

const Schema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), title: z.string().trim().min(1, "Give it a title"), teamIds: z.array(z.string()).max(2, "Two teams at most") }),
    z.object({ intent: z.literal("delete"), id: z.string().min(1, "Missing id") }),
  ],
  { error: "Unknown action" },
);

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe("parseForm", () => {
  it("returns the typed data, repeated fields as lists", () => {
    const parsed = parseForm(formOf([["intent", "save"], ["title", " Refunds "], ["teamIds", "a"], ["teamIds", "b"]]), Schema, { lists: ["teamIds"] });
    expect(parsed).toEqual({ ok: true, data: { intent: "save", title: "Refunds", teamIds: ["a", "b"] } });
  });

  it("puts each field's first problem under it", () => {
    const parsed = parseForm(formOf([["intent", "save"], ["title", "  "], ["teamIds", "a"], ["teamIds", "b"], ["teamIds", "c"]]), Schema, { lists: ["teamIds"] });
    expect(parsed).toEqual({ ok: false, fieldErrors: { title: "Give it a title", teamIds: "Two teams at most" }, formError: null });
  });

  it("makes an unknown intent, and any field named form-level, the form's error", () => {
    expect(parseForm(formOf([["intent", "explode"]]), Schema)).toEqual({ ok: false, fieldErrors: {}, formError: "Unknown action" });
    expect(parseForm(formOf([["intent", "delete"], ["id", ""]]), Schema, { formLevel: ["intent", "id"] })).toEqual({ ok: false, fieldErrors: {}, formError: "Missing id" });
  });
});

describe("formFailure", () => {
  it("is a field error when the refusal names a field, else the form's", () => {
    expect(formFailure("Taken", "title")).toEqual({ fieldErrors: { title: "Taken" }, formError: null });
    expect(formFailure("Gone")).toEqual({ fieldErrors: {}, formError: "Gone" });
  });
});
