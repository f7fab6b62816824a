/**
 * A refused form puts the focus on its own first invalid field, never on another form's: the API
 * connections page has two forms ("Allow a host" and "Add or replace an API key").
 */
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

describe("focus after a refused form", () => {
  it("lands in the form that was submitted, though another form on the page has an invalid field", async () => {
    const { page } = e2e;
    await signIn(page, "admin@baton.local");
    await e2e.goto("/integrations");
    const hostForm = page.getByRole("form", { name: "Allow a host" });
    const keyForm = page.getByRole("form", { name: "Add or replace an API key" });
    // Another form earlier on the page already shows an invalid field (as a client-side check would mark it).
    await hostForm.evaluate((form) => {
      const stale = document.createElement("input");
      stale.setAttribute("aria-invalid", "true");
      stale.setAttribute("aria-label", "Marked invalid elsewhere");
      form.append(stale);
    });

    await keyForm.getByRole("button", { name: "Save API key" }).click();
    await keyForm.getByText("Name the key, e.g. orders-api").waitFor();
    await snap(page);
    await expect(keyForm.getByRole("textbox", { name: "Name" }).evaluate((input) => input === document.activeElement)).resolves.toBe(true);

    // And the other way round: a refused host lands in the host form.
    await hostForm.getByRole("textbox", { name: "Host" }).fill("not a host");
    await hostForm.getByRole("button", { name: "Allow host" }).click();
    await hostForm.getByText(/Enter a host like/).waitFor();
    await expect(hostForm.getByRole("textbox", { name: "Host" }).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
  });
});
