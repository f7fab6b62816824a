import { describe, expect, it } from "vitest";
import { describeAgent, initialsOf } from "~/chat/agent-identity.server";

const SUPPORT = { id: "t-support", name: "Support" };
const BILLING = { id: "t-billing", name: "Billing" };

describe("how an agent appears in the chat", () => {
  it("shows the first name, two initials and the team they answer for", () => {
    expect(describeAgent({ name: "Ben Agent", memberships: [{ team: BILLING }] }, BILLING.id)).toEqual({ name: "Ben", initials: "BA", team: "Billing" });
    expect(initialsOf("maría josé de la vega")).toBe("MV");
    expect(initialsOf("Cher")).toBe("C");
  });

  it("answers for the conversation's team when in it, else for their own first team, else none", () => {
    const both = { name: "Ana Agent", memberships: [{ team: SUPPORT }, { team: BILLING }] };
    expect(describeAgent(both, SUPPORT.id)?.team).toBe("Support");
    expect(describeAgent(both, "t-other")?.team).toBe("Billing");
    expect(describeAgent({ name: "Ada Admin", memberships: [] }, SUPPORT.id)).toEqual({ name: "Ada", initials: "AA", team: null });
    expect(describeAgent(null, SUPPORT.id)).toBeNull();
  });
});
