import { describe, expect, it } from "vitest";
import { BrandingFormSchema, DEFAULT_BRANDING, avatarLetters, resolveBranding } from "~/branding/branding";
import { FlowSettingsSchema } from "~/flow/document";

const workspace = { ...DEFAULT_BRANDING, botName: "Threads assistant", chatTitle: "Threads & Co. help", welcomeLine: "Hi there", accentColor: "#fde047" };

describe("branding", () => {
  it("uses the workspace's values, with a flow's overrides field by field", () => {
    const plain = resolveBranding(workspace);
    expect(plain).toMatchObject({ botName: "Threads assistant", chatTitle: "Threads & Co. help", welcomeLine: "Hi there" });
    expect(plain.accent).toMatchObject({ background: "#fde047", text: "#111827" });
    const billing = resolveBranding(workspace, { chatTitle: "Billing help", accentColor: "#e0457b" });
    expect(billing).toMatchObject({ botName: "Threads assistant", chatTitle: "Billing help", welcomeLine: "Hi there" });
    expect(billing.accent.adjusted).toBe(true);
  });

  it("never titles the chat with the flow's name by default", () => {
    expect(resolveBranding(DEFAULT_BRANDING).chatTitle).toBe("Chat with us");
  });

  it("shows the avatar letters, else the bot name's initial", () => {
    expect(avatarLetters({ avatarText: "🧵", botName: "Tess" })).toBe("🧵");
    expect(avatarLetters({ avatarText: " ", botName: "tess" })).toBe("T");
  });

  it("validates the settings form and a flow's override", () => {
    expect(BrandingFormSchema.parse({ botName: " Tess ", avatarText: "T", accentColor: "#ABC", chatTitle: "Help", welcomeLine: "" })).toMatchObject({ botName: "Tess", accentColor: "#aabbcc" });
    const bad = BrandingFormSchema.safeParse({ botName: "", avatarText: "toolongtext", accentColor: "blue", chatTitle: "", welcomeLine: "" });
    expect(bad.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["accentColor", "avatarText", "botName", "chatTitle"]);
    const base = { defaultTeam: "support", humanRequest: { team: "support" }, repeatedFailure: { team: "support" }, sensitive: { team: "support" } };
    expect(FlowSettingsSchema.safeParse({ ...base, branding: { chatTitle: "Returns", accentColor: "#123456" } }).success).toBe(true);
    expect(FlowSettingsSchema.safeParse({ ...base, branding: { accentColor: "red" } }).success).toBe(false);
  });
});
