import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === "baton_session");
}

/** Submits the sign-in form with whatever is given and waits for the server's answer. */
async function submitLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/login"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await answered;
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await snap(page);
  return response;
}

describe("sign-in", () => {
  it("signs the admin in through the form and lands on Flows with the shell", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    expect(new URL(page.url()).pathname).toBe("/flows");
    await page.getByRole("heading", { level: 1, name: "Flows" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of ["Flows", "Inbox", "Knowledge", "Analytics", "Teams"]) {
      await nav.getByRole("link", { name: section }).waitFor();
    }
    await page.getByText("Ada Admin").waitFor();

    const cookie = await sessionCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

    await nav.getByRole("link", { name: "Inbox" }).click();
    await page.waitForURL("**/inbox");
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await page.getByRole("heading", { name: "Pick a conversation" }).waitFor();
  });

  it("shows an agent only their sections and answers 403 with a friendly page on /teams", async () => {
    const { page } = e2e;
    await signIn(page, "ana@baton.local");
    expect(new URL(page.url()).pathname).toBe("/inbox");
    const nav = page.getByRole("navigation", { name: "Main" });
    // allTextContents reads the DOM once: wait until the signed-in shell has rendered its links.
    await nav.getByRole("link", { name: "Inbox" }).waitFor();
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual(["Inbox", "Analytics"]);
    for (const adminPage of ["/teams", "/flows", "/kb"]) {
      const response = await e2e.goto(adminPage);
      expect(response?.status()).toBe(403);
      await page.getByRole("heading", { name: "You don't have access to this page" }).waitFor();
    }
    // The friendly page keeps the shell, so the agent can go back to work.
    await page.getByRole("link", { name: "Go to your home page" }).click();
    await page.waitForURL("**/inbox");
  });

  it("sends a signed-out visitor to /login and back to the page they wanted", async () => {
    const { page } = e2e;
    const response = await e2e.goto("/inbox");
    expect(response?.status()).toBe(200);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("redirectTo")).toBe("/inbox");

    await page.getByLabel("Email").fill("ben@baton.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/inbox");
    await page.getByText("Ben Agent").waitFor();
  });

  it("refuses a wrong password, an unknown email, an empty form and a 10 KB email without a session", async () => {
    const { page } = e2e;
    const alert = page.getByRole("alert");

    const wrong = await submitLogin(page, "admin@baton.local", "not-the-password");
    expect(wrong.status()).toBe(400);
    await expect(alert.textContent()).resolves.toBe("Email or password is incorrect");
    expect(await sessionCookie(page)).toBeUndefined();
    // The email stays filled in; the password does not.
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe("admin@baton.local");
    await expect(page.getByLabel("Password").inputValue()).resolves.toBe("");

    await submitLogin(page, "nobody@baton.local", DEMO_PASSWORD);
    await expect(alert.textContent()).resolves.toBe("Email or password is incorrect");
    expect(await sessionCookie(page)).toBeUndefined();

    await submitLogin(page, "", "");
    await page.getByText("Enter your email").waitFor();
    await page.getByText("Enter your password").waitFor();
    await expect(page.getByLabel("Email").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await sessionCookie(page)).toBeUndefined();

    await submitLogin(page, `${"a".repeat(10 * 1024)}@baton.local`, DEMO_PASSWORD);
    await page.getByText("That email is too long").waitFor();
    expect(await sessionCookie(page)).toBeUndefined();
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("signs out and then keeps the pages closed", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    expect(await sessionCookie(page)).toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login");
    expect(await sessionCookie(page)).toBeUndefined();
    await e2e.goto("/flows");
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});

describe("error pages", () => {
  it("answers an unknown address with a friendly 404 page", async () => {
    const { page } = e2e;
    const response = await e2e.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Go to your home page" }).waitFor();
  });
});

describe("browser bundle", () => {
  it("carries no server code (a *.server import used at module scope would leak or break)", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const dir = path.resolve(__dirname, "../../public/build");
    const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      for (const marker of ["@node-rs/argon2", "better-sqlite3", "PrismaClient", "passwordHash"]) {
        expect(text.includes(marker), `${marker} in public/build/${name}`).toBe(false);
      }
    }
  });
});
