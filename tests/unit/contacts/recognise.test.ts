import { describe, expect, it } from "vitest";
import { contactDetailsOfTurn, recogniseContactDetails } from "~/contacts/recognise";

describe("contact details in the customer's own words", () => {
  it("finds a name, an email and a phone number the customer gives", () => {
    expect(recogniseContactDetails("I'm Maya, maya@example.com")).toEqual({ name: "Maya", email: "maya@example.com" });
    expect(recogniseContactDetails("my name is maya lopez and you can call me on +44 7700 900123")).toEqual({ name: "Maya Lopez", phone: "+44 7700 900123" });
    expect(recogniseContactDetails("This is Ben Ortiz from Acme. Reach me at Ben.Ortiz@Acme.io or 555-010-2030")).toEqual({ name: "Ben Ortiz", email: "ben.ortiz@acme.io", phone: "555-010-2030" });
  });

  it("does not take everyday words for names, nor order numbers and dates for phones", () => {
    expect(recogniseContactDetails("I'm sorry, I'm still waiting for order 4829301756")).toEqual({});
    expect(recogniseContactDetails("I'm Still waiting")).toEqual({});
    expect(recogniseContactDetails("It was delivered on 2026-03-12")).toEqual({});
    expect(recogniseContactDetails("my phone is 4155550123")).toEqual({ phone: "4155550123" });
  });

  it("takes what a collect step captured for name, email or phone over the message", () => {
    const captured = [{ type: "field.captured", payload: { field: "email", value: "Maya@Example.com" } }, { type: "field.captured", payload: { field: "order_id", value: "123" } }];
    expect(contactDetailsOfTurn("Maya@Example.com", captured)).toEqual({ email: "maya@example.com" });
  });
});
