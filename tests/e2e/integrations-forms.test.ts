/**
 * The API connections page has two forms ("Allow a host", "Add or replace an API key") and one
 * action answer for both: a save empties only the form that saved. Any success used to remount
 * both forms, wiping what the lead had half typed in the other one.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();
const valueOf = (form: Locator, name: string) => form.getByRole("textbox", { name, exact: true }).inputValue();

describe("API connections forms", () => {
  it("keeps a half-typed form while the other one saves, and empties only the form that saved", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await e2e.goto("/integrations");
    const hostForm = page.getByRole("form", { name: "Allow a host" });
    const keyForm = page.getByRole("form", { name: "Add or replace an API key" });

    // Half a host typed, then a key saved: the key form empties, the host stays.
    await hostForm.getByRole("textbox", { name: "Host", exact: true }).fill("crm.example.com");
    await hostForm.getByRole("textbox", { name: "Note (optional)" }).fill("Half-typed note");
    await keyForm.getByRole("textbox", { name: "Name", exact: true }).fill("crm-api");
    await keyForm.getByLabel("API key").fill("s3cret-value");
    await keyForm.getByRole("button", { name: "Save API key" }).click();
    await status(page, "API key “crm-api” saved");
    await expect.poll(() => valueOf(keyForm, "Name")).toBe("");
    expect(await valueOf(hostForm, "Host")).toBe("crm.example.com");
    expect(await valueOf(hostForm, "Note (optional)")).toBe("Half-typed note");
    await snap(page);

    // The other way round: half a key typed, then the host allowed.
    await keyForm.getByRole("textbox", { name: "Name", exact: true }).fill("orders-api");
    await keyForm.getByLabel("Send it as").selectOption("header");
    await keyForm.getByRole("textbox", { name: "Header name" }).fill("X-Api-Key");
    await hostForm.getByRole("button", { name: "Allow host" }).click();
    await status(page, "crm.example.com can now be called");
    await expect.poll(() => valueOf(hostForm, "Host")).toBe("");
    expect(await valueOf(hostForm, "Note (optional)")).toBe("");
    expect(await valueOf(keyForm, "Name")).toBe("orders-api");
    expect(await keyForm.getByLabel("Send it as").inputValue()).toBe("header");
    expect(await valueOf(keyForm, "Header name")).toBe("X-Api-Key");

    // Removing a row saves neither form: both keep what was typed.
    await hostForm.getByRole("textbox", { name: "Host", exact: true }).fill("half.example.com");
    await page.getByRole("button", { name: "Remove crm.example.com" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove host" }).click();
    await status(page, "crm.example.com removed");
    expect(await valueOf(hostForm, "Host")).toBe("half.example.com");
    expect(await valueOf(keyForm, "Name")).toBe("orders-api");
    await snap(page);
    const { db } = e2e.app;
    expect(await db.httpAllowedHost.count({ where: { host: "crm.example.com" } })).toBe(0);
  });
});
