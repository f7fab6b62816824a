/**
 * A collect step's answer format chosen without writing a regular expression: the support lead
 * types an example answer, sees the pattern it stands for, and the preview chat holds customers
 * to it.
 */
import { describe, expect, it } from "vitest";
import { snap, useE2E } from "./harness";
import { card, openStarterCopy, saveState, selectCard } from "./builder-helpers";

const e2e = useE2E();
const panel = () => e2e.page.locator(".builder-panel");

describe("collect formats", () => {
  it("turns an example answer into the format, saves it, and the preview holds customers to it", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(e2e.page, "Formats");
    await selectCard(page, "ask-order-id");
    // The starter's step is a regular expression: it shows as the advanced option, as written.
    await expect(panel().getByLabel("Format", { exact: true }).inputValue()).resolves.toBe("regex");
    await expect(panel().getByLabel("Pattern", { exact: true }).inputValue()).resolves.toBe("\\b\\d{10}\\b");

    await panel().getByLabel("Format", { exact: true }).selectOption("example");
    await panel().getByLabel("Example answer", { exact: true }).fill("AB-1234");
    await panel().getByText("Checks answers against \\b[a-z]{2}-\\d{4}\\b, ignoring case.").waitFor();
    await expect.poll(() => card(page, "ask-order-id").locator(".node-meta").textContent()).toContain("like AB-1234");
    await snap(page);
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes.find((node: { id: string }) => node.id === "ask-order-id").data.format).toEqual({ kind: "example", example: "AB-1234" });

    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const composer = panel().getByRole("textbox", { name: "Message" });
    await composer.fill("Where is my order? It hasn't arrived");
    await composer.press("Enter");
    // The first preview turn may wait for the sentence encoder, still embedding the knowledge base at start-up.
    await expect.poll(() => page.locator(".node-card.is-active").getAttribute("data-node-id"), { timeout: 15_000 }).toBe("ask-order-id");
    await composer.fill("4829301756");
    await composer.press("Enter");
    await panel().getByText("That doesn't look like a valid order number: it should be like AB-1234. Please check it and try again.").waitFor();
    await composer.fill("it is xy-0042");
    await composer.press("Enter");
    await expect.poll(() => panel().locator(".preview-fields").textContent()).toContain("order id xy-0042");
    // A sure intent reads "99%" like every other calibrated figure: rounding must not promise certainty.
    await expect(panel().locator(".preview-inspector").textContent()).resolves.toMatch(/order status\s*(?:[1-9]?\d|<1)% confident/);
    await snap(page);
  });
});
