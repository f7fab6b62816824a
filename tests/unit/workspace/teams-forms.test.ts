/** The teams page's form schemas and how a failed answer finds the card and row it belongs to. */
import { describe, expect, it } from "vitest";
import { SetPasswordSchema } from "~/auth/schemas";
import { failureFor, fieldErrorsFor, type TeamsActionData } from "~/workspace/components/teams-action";
import { NewPersonSchema, PersonRowSchema } from "~/workspace/schemas";

describe("SetPasswordSchema", () => {
  it("wants 8 to 200 characters, typed the same twice", () => {
    expect(SetPasswordSchema.safeParse({ password: "long-enough", confirm: "long-enough" }).success).toBe(true);
    const messages = (input: unknown) => SetPasswordSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages({ password: "short", confirm: "short" })).toEqual(["password: Use at least 8 characters"]);
    expect(messages({ password: "x".repeat(201), confirm: "x".repeat(201) })).toEqual(["password: Keep the password under 200 characters"]);
    expect(messages({ password: "long-enough", confirm: "long-enougH" })).toEqual(["confirm: The two passwords don't match"]);
    expect(messages({})).toEqual(["password: Enter a password", "confirm: Type the password again"]);
  });
});

describe("people forms", () => {
  it("invites without a password field, and saves a row's role, teams and capacity together", () => {
    expect(NewPersonSchema.parse({ name: " Cara ", email: "Cara@X.io", role: "admin", password: "ignored" })).toEqual({ name: "Cara", email: "cara@x.io", role: "admin", teamIds: [] });
    expect(PersonRowSchema.parse({ userId: "u1", role: "agent", teamIds: ["t1"], capacity: "4" })).toEqual({ userId: "u1", role: "agent", teamIds: ["t1"], capacity: 4 });
    expect(PersonRowSchema.safeParse({ userId: "u1", role: "owner", capacity: "4" }).success).toBe(false);
  });

  it("shows a failure on the card and the form it came from", () => {
    const row: TeamsActionData = { ok: false, intent: "save-person", targetId: "u1", fieldErrors: { capacity: "At most 100" }, formError: null };
    expect(failureFor(row, "people")).toBe(row);
    expect(failureFor(row, "teams")).toBeUndefined();
    expect(fieldErrorsFor(row, "save-person")).toEqual({ capacity: "At most 100" });
    expect(fieldErrorsFor(row, "invite-person")).toEqual({});
    const team: TeamsActionData = { ok: false, intent: "remove-team", fieldErrors: {}, formError: "Busy" };
    expect(failureFor(team, "teams")).toBe(team);
    expect(failureFor(team, "people")).toBeUndefined();
    expect(failureFor({ ok: true, intent: "save-person", notice: "Saved", at: 1 }, "people")).toBeUndefined();
  });
});
