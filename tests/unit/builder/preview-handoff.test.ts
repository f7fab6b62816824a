import { describe, expect, it } from "vitest";
import { describePreviewHandoff } from "~/builder/preview-handoff";

describe("describePreviewHandoff", () => {
  it("says why in one sentence, without repeating a reason that only restates the trigger", () => {
    // What the runtime reports when a customer asks for a person: the reason repeats the trigger.
    const words = describePreviewHandoff({ team: "Support", priority: 1, trigger: "humanRequest", reason: "Customer asked for a person" });
    expect(words).toEqual({ title: "Handed off to Support", priority: "Normal priority", why: "Why: the customer asked for a person." });
  });

  it("adds the reason a lead wrote on a handoff step", () => {
    const words = describePreviewHandoff({ team: "Billing", priority: 2, trigger: "node", reason: "Refund over the limit." });
    expect(words.priority).toBe("High priority");
    expect(words.why).toBe("Why: a “Hand off to a team” step sent it (Refund over the limit).");
  });

  it("still reads as a sentence for an unknown trigger, no team and no reason", () => {
    expect(describePreviewHandoff({ team: null, priority: 9, trigger: null, reason: null })).toEqual({
      title: "Handed off to a team",
      priority: "Normal priority",
      why: "Why: the flow handed it off.",
    });
  });
});
