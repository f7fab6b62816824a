/**
 * Flows that act, in the browser: the admin manages API connections from the nav (the key is
 * never sent back to the page), a customer gets a real order lookup from the seeded "Order
 * status" flow against Baton's demo order API, and the builder's "Call an API" form and
 * preview show the request and what it saved.
 */
import { describe, expect, it } from "vitest";
import { card, dropFromPalette, openStarterCopy, selectCard } from "./builder-helpers";
import { checkConfirmDialogKeyboard } from "./confirm-dialog-helpers";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();
const SECRET = "sk_test_e2e_never_in_a_page_91827";

describe("API connections", () => {
  it("is reachable from the nav; adds a host and an API key, and the key never comes back to the browser", async () => {
    const { page, app } = e2e;
    await signIn(page, "admin@baton.local");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API connections" }).click();
    await page.getByRole("heading", { name: "API connections" }).waitFor();
    // The seed allowed Baton's own demo order API.
    await expect(page.locator("table").first().textContent()).resolves.toContain("Baton's demo order API (demo data)");

    const hostForm = page.getByRole("form", { name: "Allow a host" });
    await hostForm.getByLabel("Host", { exact: true }).fill("not a host!");
    await hostForm.getByRole("button", { name: "Allow host" }).click();
    await page.getByText("Enter a host like api.example.com").waitFor();
    // The cursor is back in the field to fix, not lost on the page.
    await expect(hostForm.getByLabel("Host", { exact: true }).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await snap(page);
    await hostForm.getByLabel("Host", { exact: true }).fill("https://API.Shop.example/v2");
    await hostForm.getByRole("button", { name: "Allow host" }).click();
    await page.getByRole("status").getByText("api.shop.example can now be called").waitFor();

    const keyForm = page.getByRole("form", { name: "Add or replace an API key" });
    await keyForm.getByLabel("Name", { exact: true }).fill("shop-api");
    await keyForm.getByLabel("API key", { exact: true }).fill(SECRET);
    // A Bearer token is sent in the Authorization header: no header name is asked until "a header of its own".
    await expect(keyForm.getByLabel("Header name", { exact: true }).count()).resolves.toBe(0);
    await keyForm.getByLabel("Send it as").selectOption("header");
    await keyForm.getByLabel("Header name", { exact: true }).fill("X-Api-Key");
    await keyForm.getByRole("button", { name: "Save API key" }).click();
    await page.getByRole("status").getByText("API key “shop-api” saved").waitFor();
    await expect.poll(() => page.locator("table").nth(1).textContent()).toContain("Header X-Api-Key");
    expect(await page.content()).not.toContain(SECRET);
    const stored = await app.db.httpCredential.findUniqueOrThrow({ where: { name: "shop-api" } });
    expect(stored.secret).not.toContain(SECRET);

    // Removing what a published flow may rely on asks first: Cancel keeps it, the confirm removes it.
    const keyDialog = page.getByRole("dialog", { name: "Delete the key “shop-api”?" });
    await checkConfirmDialogKeyboard(page, page.getByRole("button", { name: "Delete shop-api" }), keyDialog, /^Steps that send this key fail from now on/);
    expect(await app.db.httpCredential.count({ where: { name: "shop-api" } })).toBe(1);
    await page.getByRole("button", { name: "Delete shop-api" }).click();
    await keyDialog.getByText("they take their “Failed” path").waitFor();
    // Opened from a table cell, the dialog still wraps its text and paints its confirm button red.
    await expect(keyDialog.locator("p").evaluate((text) => text.scrollWidth <= text.clientWidth && getComputedStyle(text).textAlign)).resolves.toBe("start");
    await expect(keyDialog.getByRole("button", { name: "Delete key" }).evaluate((button) => getComputedStyle(button).backgroundColor)).resolves.toBe("rgb(220, 38, 38)");
    await snap(page);
    await keyDialog.getByRole("button", { name: "Cancel" }).click();
    await keyDialog.waitFor({ state: "hidden" });
    expect(await app.db.httpCredential.count({ where: { name: "shop-api" } })).toBe(1);
    await page.getByRole("button", { name: "Remove api.shop.example" }).click();
    await page.getByRole("dialog", { name: "Remove api.shop.example?" }).getByRole("button", { name: "Remove host" }).click();
    await page.getByRole("status").getByText("api.shop.example removed: “Call an API” steps can no longer reach it").waitFor();
    await expect.poll(() => app.db.httpAllowedHost.count({ where: { host: "api.shop.example" } })).toBe(0);
    // The editor offers the key by name only.
    const flowId = (await app.db.flow.findUniqueOrThrow({ where: { slug: "order-status" }, select: { id: true } })).id;
    const editor = await page.goto(`/flows/${flowId}`);
    expect(await editor?.text()).not.toContain(SECRET);
    await snap(page);
  });
});

describe("the Order status starter flow", () => {
  it("looks the customer's order up in the demo order API", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/chat/order-status");
    await page.getByText("I can look up your order").waitFor();
    const input = page.getByRole("textbox", { name: "Message" });
    await input.fill("My order is 10001");
    await input.press("Enter");
    await page.getByText("Good news: order 10001 has shipped with DHL (tracking number JD014600006281230) and should arrive by 2026-12-09.").waitFor();
    // The "Offer choices" step's options are quick-reply buttons; tapping one answers with it.
    const replies = page.getByRole("group", { name: "Suggested replies" });
    await expect(replies.getByRole("button").allTextContents()).resolves.toEqual(["I need more help", "No, that's all"]);
    await snap(page);
    await replies.getByRole("button", { name: "I need more help" }).click();
    await page.getByText("You're being connected to our Support team").waitFor();
    await snap(page);
  });
});

describe("Detect language", () => {
  it("a customer writing in Spanish gets the Spanish handoff message", async () => {
    const { page } = e2e;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/chat/order-status");
    const input = page.getByRole("textbox", { name: "Message" });
    await input.fill("Hola, mi pedido es el 10002, ¿dónde está?");
    await input.press("Enter");
    await page.getByText("Order 10002 is processing.").waitFor();
    await page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "I need more help" }).click();
    await page.getByText("Te paso con una persona de nuestro equipo de soporte.").waitFor();
    await snap(page);
  });
});

describe("the Call an API step in the builder", () => {
  it("shows the request in a plain form, and the preview runs it for real and shows what it saved", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Order lookups", "Order status");
    await selectCard(page, "lookup");
    const panel = page.locator(".builder-panel");
    await expect(panel.getByLabel("Method", { exact: true }).inputValue()).resolves.toBe("GET");
    await expect(panel.getByLabel("Address (URL)", { exact: true }).inputValue()).resolves.toMatch(/^http:\/\/localhost:\d+\/api\/demo\/orders\/\{\{order_id\}\}$/);
    await expect(panel.getByLabel("Value 1 path in the answer").inputValue()).resolves.toBe("$.order.status");
    await expect(panel.getByLabel("Value 1 saved as").inputValue()).resolves.toBe("order_status");
    await panel.getByLabel("Value 1 path in the answer").fill("order.status");
    await panel.getByText("A path starts with $ (e.g. $.order.status).").waitFor();
    await snap(page);
    await panel.getByLabel("Value 1 path in the answer").fill("$.order.status");
    await expect.poll(() => card(page, "lookup").locator(".node-badge").count()).toBe(0);

    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await panel.getByText("I can look up your order").waitFor();
    const composer = panel.getByRole("textbox", { name: "Message" });
    await composer.fill("10002");
    await composer.press("Enter");
    await panel.getByText("Order 10002 is processing.").waitFor();
    const calls = panel.locator(".preview-api-calls");
    await expect.poll(() => calls.textContent()).toMatch(/GET http:\/\/localhost:\d+\/api\/demo\/orders\/10002✓ 200 · order status = processing/);
    await snap(page);
  });
});

describe("Set a field and Offer choices in the builder", () => {
  it("drops both from the palette; each button becomes an output, a bad calculation is flagged in plain words", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Menus", "Order status");
    const panel = page.locator(".builder-panel");
    const choiceId = await dropFromPalette(page, "choice", { x: 160, y: 620 });
    await selectCard(page, choiceId);
    await panel.getByLabel("Question", { exact: true }).fill("What do you need?");
    await panel.getByLabel("Button 1", { exact: true }).fill("Track my order");
    await panel.getByRole("button", { name: "Add a button" }).click();
    await panel.getByLabel("Button 3", { exact: true }).fill("Returns");
    await expect.poll(() => card(page, choiceId).locator(".node-output-label").allTextContents()).toEqual(["Track my order", "No", "Returns", "Something else"]);
    await snap(page);

    const setId = await dropFromPalette(page, "set", { x: 420, y: 660 });
    await selectCard(page, setId);
    await panel.getByLabel("Field to set", { exact: true }).fill("attempts");
    await panel.getByLabel("Value", { exact: true }).selectOption("expression");
    await panel.getByLabel("Calculation", { exact: true }).fill("attempts +");
    await panel.getByText("The calculation ends too early.").waitFor();
    await panel.getByLabel("Calculation", { exact: true }).fill("attempts + 1");
    await expect.poll(() => card(page, setId).locator(".node-text").textContent()).toBe("{{attempts}} = attempts + 1");
    await snap(page);
  });
});

describe("the chat page in the flow's language", () => {
  it("after the admin switches Order status to Spanish and publishes, the page's own texts are Spanish", async () => {
    const { page, app } = e2e;
    await signIn(page, "admin@baton.local");
    const flowId = (await app.db.flow.findUniqueOrThrow({ where: { slug: "order-status" }, select: { id: true } })).id;
    await page.goto(`/flows/${flowId}`);
    await page.locator(".react-flow__node").first().waitFor();
    await page.getByRole("button", { name: "Flow settings" }).last().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Language of the bot's own phrases").selectOption("es");
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText(/Published version \d+\./).waitFor();

    const customer = await e2e.browser.newPage({ viewport: { width: 390, height: 800 } });
    await customer.goto(`${app.baseUrl}/chat/order-status`);
    const input = customer.getByRole("textbox", { name: "Mensaje" });
    await expect(input.getAttribute("placeholder")).resolves.toBe("Escribe un mensaje…");
    await expect(customer.locator(".chat-header__status-text").textContent()).resolves.toBe("Threads assistant · responde al instante");
    await input.fill("99999");
    await input.press("Enter");
    await customer.getByText("Estás en la cola de nuestro equipo de Support").waitFor();
    await customer.screenshot({ path: "tests/e2e/screenshots/chat-page-in-spanish.png" });
    await customer.close();
  });
});
