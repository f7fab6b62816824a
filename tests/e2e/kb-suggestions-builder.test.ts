/**
 * The kb step's "Offer likely articles when unsure" setting in the builder: on in the starter's
 * step, shown on the card, and switched off it saves `offerSuggestions: false` in the draft.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { card, openStarterCopy, saveState, selectCard } from "./builder-helpers";

const e2e = useE2E();
const panel = () => e2e.page.locator(".builder-panel");

describe("kb step settings", () => {
  it("offers likely articles by default, says so on the card, and saves the switch", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Suggestions");
    await selectCard(page, "shipping-kb");
    const toggle = panel().getByRole("switch", { name: "Offer likely articles when unsure" });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await expect(card(page, "shipping-kb").locator(".node-meta").textContent()).resolves.toContain("suggests articles when unsure");
    await snap(page);
    await toggle.uncheck({ force: true });
    await expect.poll(() => card(page, "shipping-kb").locator(".node-meta").textContent()).not.toContain("suggests articles");
    // "Saved" may still be the label of the save before the switch (autosave waits a moment): wait for the draft itself.
    const savedSwitch = async () => {
      const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
      return draft.nodes.find((node: { id: string }) => node.id === "shipping-kb").data.offerSuggestions;
    };
    await expect.poll(savedSwitch, { timeout: 15_000 }).toBe(false);
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    await snap(page);
  });
});
