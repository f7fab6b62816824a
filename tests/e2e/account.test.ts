/**
 * "Your account": a person changes their own name and password from their name in the sidebar
 * (before, only an admin's reset link could change a password).
 */
import { describe, expect, it } from "vitest";
import { openPage, signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

describe("your account", () => {
  it("renames you, refuses a wrong current password, and changes the password: signed in here, signed out elsewhere", async () => {
    const { page, app, browser } = e2e;
    // Ana is also signed in on another device.
    const other = await openPage(browser, app.baseUrl, "account-other-device");
    await signIn(other.page, "ana@baton.local");

    await signIn(page, "ana@baton.local");
    await page.getByRole("link", { name: /Your account/ }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.getByLabel("Name").fill("Ana Lima");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await expect.poll(() => page.locator(".sidebar-user-name").textContent()).toBe("Ana Lima");

    const current = page.getByLabel("Current password");
    await current.fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill("a-new-secret");
    await page.getByLabel("New password again").fill("a-new-secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("That is not your current password").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("current");
    await expect(current.getAttribute("aria-invalid")).resolves.toBe("true");
    await snap(page);

    await current.fill("baton-demo");
    await page.getByLabel("New password", { exact: true }).fill("a-new-secret");
    await page.getByLabel("New password again").fill("a-new-secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. You are still signed in here").waitFor();
    const typed = await page.locator('input[type="password"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(typed).toEqual(["", "", ""]);

    // Still signed in here; the other device is signed out.
    await page.goto("/inbox");
    expect(new URL(page.url()).pathname).toBe("/inbox");
    await other.page.goto("/inbox");
    expect(new URL(other.page.url()).pathname).toBe("/login");
    await other.close();

    // The old password no longer works, the new one does.
    const stored = await app.db.user.findUnique({ where: { email: "ana@baton.local" }, select: { name: true } });
    expect(stored?.name).toBe("Ana Lima");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email").fill("ana@baton.local");
    await page.getByLabel("Password").fill("baton-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect").waitFor();
    await signIn(page, "ana@baton.local", "a-new-secret");
    expect(new URL(page.url()).pathname).not.toBe("/login");
  });
});
