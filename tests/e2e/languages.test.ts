/**
 * The customer's language, in the browser: on the seeded "Order status" flow (an English flow
 * with a "Detect language" step before its handoff), a customer who writes Spanish takes the
 * Spanish branch, and from the handoff on the chat page's own texts are Spanish too — queue
 * notice, header, composer, the line saying the agent joined, and the rating card when the agent resolves — while an English
 * customer of the same flow keeps English ones.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { markAgentOnline, openPage, signIn, snap, useE2E } from "./harness";

const e2e = useE2E();
const PHONE = { width: 390, height: 800 };

/** Asks about order 10002 in the customer's words, then asks for a person with the quick reply. */
async function askForHelpWithOrder(page: Page, firstMessage: string) {
  await page.setViewportSize(PHONE);
  await page.goto("/chat/order-status");
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill(firstMessage);
  await input.press("Enter");
  await page.getByText("Order 10002 is processing.").waitFor();
  await page.getByRole("group", { name: "Suggested replies" }).getByRole("button", { name: "I need more help" }).click();
}

async function conversationIdOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "baton_chat_order-status");
  if (!cookie) throw new Error("no chat cookie");
  return decodeURIComponent(cookie.value).split(".")[0];
}

describe("the chat page in the customer's language", () => {
  it("a Spanish writer gets the Spanish branch, then Spanish page texts from the handoff to the rating", async () => {
    const { page, app } = e2e;
    await markAgentOnline(e2e.app, "ana@baton.local");
    await askForHelpWithOrder(page, "Hola, mi pedido es el 10002, ¿dónde está? Todavía no ha llegado");
    // The flow's Spanish branch...
    await page.getByText("Te paso con una persona de nuestro equipo de soporte.").waitFor();
    // ...and the page's own texts, though the flow's language is English.
    await page.getByText("Estás en la cola de nuestro equipo de Support").waitFor();
    await page.getByText("Una persona te responderá aquí mismo.", { exact: false }).waitFor();
    const input = page.getByRole("textbox", { name: "Mensaje" });
    await expect(input.getAttribute("placeholder")).resolves.toBe("Escribe un mensaje…");
    await expect.poll(() => page.locator(".chat-header__status-text").textContent()).toMatch(/^Esperando al equipo de Support · /);
    await snap(page);

    // A reload (the loader's details) keeps them.
    await page.reload();
    await page.getByText("Estás en la cola de nuestro equipo de Support").waitFor();
    await expect(page.getByRole("textbox", { name: "Mensaje" }).getAttribute("placeholder")).resolves.toBe("Escribe un mensaje…");

    // The agent resolves it: the rating card asks in Spanish.
    const id = await conversationIdOf(page);
    const ana = await openPage(e2e.browser, app.baseUrl, "spanish customer ana");
    try {
      await ana.page.setViewportSize({ width: 1280, height: 800 });
      await signIn(ana.page, "ana@baton.local");
      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
    } finally {
      await ana.close();
    }
    expect(ana.errors).toEqual([]);
    // The line the claim wrote is in the customer's language too.
    await page.getByText("Ana se ha unido a la conversación.").waitFor();
    // So is the closing line of her resolve, above the rating.
    await page.getByText("Ana ha marcado esta conversación como resuelta. Escríbenos cuando quieras.").waitFor();
    await page.getByRole("heading", { name: "¿Qué tal ha ido la conversación?" }).waitFor();
    await page.getByRole("group", { name: "Valora esta conversación del 1 al 5" }).waitFor();
    await expect(page.getByRole("textbox", { name: "Mensaje" }).getAttribute("placeholder")).resolves.toBe("Pregunta otra cosa…");
    await page.screenshot({ path: "tests/e2e/screenshots/chat-page-customer-spanish.png" });
  });

  it("an English writer of the same flow keeps English page texts after the handoff", async () => {
    const { page } = e2e;
    await markAgentOnline(e2e.app, "ana@baton.local");
    await askForHelpWithOrder(page, "Hi, where is my order 10002? It still hasn't arrived");
    await page.getByText("You're being connected to our Support team").waitFor();
    await page.getByText("You're in the queue for our Support team").waitFor();
    await expect(page.getByRole("textbox", { name: "Message" }).getAttribute("placeholder")).resolves.toBe("Write a message…");
  });
});
