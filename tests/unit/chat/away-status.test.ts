import { describe, expect, it } from "vitest";
import { chatTextsFor } from "~/chat/chat-texts";
import { describeAwayOpening, describeStatus } from "~/chat/format";

const base = { team: { slug: "billing", name: "Billing" }, waitMinutes: 12, assignee: null };
const saturday = new Date("2026-12-05T11:00:00Z");

describe("the header's status while nobody can answer", () => {
  it("says when a closed team opens, in its time zone, in the page's language", () => {
    const away = { reason: "closed" as const, opensAt: "2026-12-07T08:00:00Z", timeZone: "Europe/Berlin", emailPrompt: "", contactEmail: null };
    expect(describeAwayOpening(away, chatTextsFor("en"), saturday)).toBe("Monday 09:00 (Europe/Berlin)");
    expect(describeStatus("waiting", { ...base, away }, chatTextsFor("en"), saturday)).toBe("Waiting for the Billing team · replies from Monday 09:00 (Europe/Berlin)");
    expect(describeAwayOpening(away, chatTextsFor("de"), saturday)).toBe("Montag 9:00 (Europe/Berlin)");
  });

  it("says no one is online rather than promising the usual wait, and falls back to it otherwise", () => {
    const away = { reason: "nobodyOnline" as const, opensAt: null, timeZone: "UTC", emailPrompt: "", contactEmail: null };
    expect(describeStatus("waiting", { ...base, away })).toBe("Waiting for the Billing team · no one online right now");
    expect(describeStatus("waiting", { ...base, away: null })).toBe("Waiting for the Billing team · about\u00a012\u00a0min");
  });
});
