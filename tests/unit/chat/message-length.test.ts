/** The chat composer's measure of a message against the 4,000-character limit (app/chat/message-length.ts). */
import { describe, expect, it } from "vitest";
import { chatTextsFor } from "~/chat/chat-texts";
import { describeTooLong, measureMessage } from "~/chat/message-length";

describe("a message's length", () => {
  it("counts what would be sent (without surrounding blanks), shows the counter from 3,000 and is too long only past 4,000", () => {
    expect(measureMessage("  hi  ")).toEqual({ length: 2, showCounter: false, tooLong: false });
    expect(measureMessage("x".repeat(3000))).toEqual({ length: 3000, showCounter: true, tooLong: false });
    expect(measureMessage(`${"x".repeat(4000)}\n\n`)).toEqual({ length: 4000, showCounter: true, tooLong: false });
    expect(measureMessage("x".repeat(4001))).toEqual({ length: 4001, showCounter: true, tooLong: true });
  });

  it("over the limit, says by how much and what to do, with numbers written the customer's way", () => {
    expect(describeTooLong(9512, "en", chatTextsFor("en").tooLong)).toBe("Your message is 9,512 characters; the limit is 4,000. Shorten it or send it in parts.");
    expect(describeTooLong(9512, "de", chatTextsFor("de").tooLong)).toBe("Ihre Nachricht hat 9.512 Zeichen; erlaubt sind 4.000. Kürzen Sie sie oder senden Sie sie in Teilen.");
  });
});
