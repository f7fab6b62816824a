/**
 * Try it on words alone (matching by meaning switched off): the confidence is calibrated for the
 * first article only, so the local engine's offer shows that one figure and no other, as the
 * retrieved list does ("Also matched").
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E({ env: { BATON_SEMANTIC_SEARCH: "off" } });

describe("Try it on words alone", () => {
  it("shows the confidence of the first offered article only", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await e2e.goto(`/kb/try?${new URLSearchParams({ q: "is delivery free", scope: "store-support/shipping-kb" })}`);
    await page.getByText("Ranked on words alone").first().waitFor();
    const local = page.getByRole("region", { name: "Local engine answer" });
    await expect(local.getByText("Not sure.").isVisible()).resolves.toBe(true);
    const choices = local.getByRole("list", { name: "Offered articles" }).getByRole("listitem");
    const offered = (await choices.count()) - 1; // the last is "None of these"
    expect(offered).toBeGreaterThanOrEqual(2);
    await expect(choices.first().locator(".badge").innerText()).resolves.toMatch(/^(?:<1|\d{1,2})%$/);
    await expect(local.getByRole("list", { name: "Offered articles" }).locator(".badge").count()).resolves.toBe(1);
    await snap(page);
  });
});
