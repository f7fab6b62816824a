/**
 * Accessibility in real Chromium against the production build: axe-core (from npm) audits every
 * surface in the state people use it in and the test fails on any serious or critical violation
 * of WCAG 2.1 A/AA; then what axe cannot see — keyboard paths, where focus lands after an action,
 * what screen readers are told live, and focus-ring contrast — is checked by driving the pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { audit } from "./axe-audit";
import { card, openStarterCopy } from "./builder-helpers";
import { markAgentOnline, signIn, snap, useE2E } from "./harness";
import { askForPerson, conversationIdOf, inboxHelpers, row } from "./inbox-helpers";

const e2e = useE2E({ demoHistory: true });
const { customerPage, agentPage, closeChecked } = inboxHelpers(e2e);

async function expectClean(page: Page) {
  // One line per failing element, so a failure message reads as a to-do list.
  expect.soft((await audit(page)).join("\n")).toBe("");
}

describe("axe-core finds no serious or critical violation", () => {
  it("on the sign-in page", async () => {
    await e2e.goto("/login");
    await expectClean(e2e.page);
  });

  it("on the admin's pages: flows, the builder, knowledge base (and its unanswered questions), analytics, teams, API connections, chat branding", async () => {
    const { page } = e2e;
    await openStarterCopy(page, "Audited flow");
    await expectClean(page);
    await page.goto("/flows");
    await page.getByRole("link", { name: "Audited flow" }).first().waitFor();
    await expectClean(page);
    // Try it with a question the bot is unsure of: the articles it would offer (once the articles are read for their meaning).
    const unsure = `/kb/try?${new URLSearchParams({ q: "do i get free delivery if i spend over a certain amount", scope: "store-support/shipping-kb" })}`;
    for (const pathname of ["/kb", "/kb/unanswered?short=1", unsure, "/analytics", "/teams", "/integrations", "/branding", "/account"]) {
      await page.goto(pathname);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectClean(page);
    }
  });

  it("on the chat page through a handoff, an agent's reply and the rating, and on the inbox and contact page", async () => {
    const customer = await customerPage("audit chat");
    const ana = await agentPage("ana@baton.local", "audit inbox ana");
    try {
      await expectClean(customer.page);
      await askForPerson(customer.page);
      await expectClean(customer.page);
      const id = await conversationIdOf(customer.page);

      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("log", { name: "Transcript" }).waitFor();
      await expectClean(ana.page);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      const reply = ana.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("Hi, I'm on it.");
      await reply.press("Enter");
      await customer.page.getByText("Hi, I'm on it.").waitFor();
      await expectClean(customer.page);
      await expectClean(ana.page);

      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      await customer.page.getByRole("heading", { name: "How was your conversation?" }).waitFor();
      await expectClean(customer.page);
      await customer.page.getByRole("button", { name: "5 of 5: Great" }).click();
      await customer.page.getByRole("heading", { name: "Thanks for your rating!" }).waitFor();
      await expectClean(customer.page);

      const contact = await e2e.app.db.conversation.findUniqueOrThrow({ where: { id }, select: { contactId: true } });
      await ana.page.goto(`/inbox/contacts/${contact.contactId}`);
      await ana.page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectClean(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });
});

/**
 * A small model of what a screen reader announces: every element added inside a live region
 * (aria-live, role log / status / alert) that was already in the page is read out, minus what
 * is aria-hidden. Installed once per page; `announcements(page)` returns what was said so far.
 */
async function listenLikeAScreenReader(page: Page) {
  await page.evaluate(() => {
    const said: string[] = [];
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="log"], [role="status"], [role="alert"]';
    const spoken = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
      if (!(node instanceof HTMLElement) || node.getAttribute("aria-hidden") === "true") return "";
      return [...node.childNodes].map(spoken).join("");
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const region = record.target instanceof Element ? record.target.closest(LIVE) : null;
        if (!region) continue;
        for (const added of record.addedNodes) {
          const text = spoken(added).replace(/\s+/g, " ").trim();
          if (text) said.push(text);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
    (window as unknown as { __said: string[] }).__said = said;
  });
}

function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __said: string[] }).__said.slice());
}

/** The contrast ratio between an element's focus indicator (outline, else box-shadow) and the background behind it. */
async function focusRingContrast(page: Page, target: ReturnType<Page["locator"]>): Promise<number | string> {
  // Arrive with the keyboard (back one stop, then Tab): Chromium shows :focus-visible on a button only when focus came from keys.
  await target.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(target.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  return measureFocusRing(target);
}

function measureFocusRing(target: ReturnType<Page["locator"]>): Promise<number | string> {
  return target.evaluate((element) => {
    const parse = (value: string) => {
      const match = value.match(/rgba?\(([^)]+)\)/);
      if (!match) return null;
      const [r, g, b, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const [R, G, B] = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const style = getComputedStyle(element);
    const drawn = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 ? style.outlineColor : style.boxShadow;
    const ring = parse(drawn);
    if (!ring || ring.a < 1) return `no solid ring (${drawn})`;
    let behind: Element | null = element.parentElement;
    let background = null;
    while (behind && !background) {
      const colour = parse(getComputedStyle(behind).backgroundColor);
      if (colour && colour.a === 1) background = colour;
      behind = behind.parentElement;
    }
    background ??= { r: 255, g: 255, b: 255, a: 1 };
    const [light, dark] = [luminance(ring), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  });
}

async function expectVisibleFocus(page: Page, target: ReturnType<Page["locator"]>) {
  let contrast = await focusRingContrast(page, target);
  // Buttons ease their ring in (a short transition): measure once it has settled.
  await expect
    .poll(async () => {
      contrast = await measureFocusRing(target);
      return typeof contrast === "number" && contrast >= 3;
    }, { message: `${target}: ${contrast}` })
    .toBe(true);
}

describe("by keyboard and screen reader", () => {
  it("connects, disconnects and follows steps from the side panel's next-step pickers, without the canvas", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy(page, "Keyboard wiring");
    const draftEdges = async () => (JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft) as { edges: Array<{ source: string; sourceHandle: string; target: string }> }).edges;
    const leaving = async () => (await draftEdges()).filter((edge) => edge.source === "order-update").map((edge) => `${edge.sourceHandle}->${edge.target}`);

    // Select the card from the keyboard: React Flow makes it a tab stop and selects it on Enter.
    await card(page, "order-update").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Send a message" }).waitFor();
    const picker = page.getByRole("group", { name: "Next steps" }).getByRole("combobox", { name: "Next" });
    await expect(picker.inputValue()).resolves.toBe("done");
    // The side panel with a step's form and its pickers passes the audit too.
    await expectClean(page);

    await picker.selectOption({ label: "Not connected" });
    await expect.poll(leaving, { timeout: 10_000 }).toEqual([]);
    await picker.selectOption({ value: "to-support" });
    await expect.poll(leaving, { timeout: 10_000 }).toEqual(["next->to-support"]);

    // "Go to" reaches the next step wherever it is on the canvas, and focus lands on its card.
    await picker.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Hand off to a team" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe("to-support");
    await snap(page);
  });

  it("lets the customer scroll the transcript by keyboard, keeps focus after Send, announces each line once, the handoff and the rating", async () => {
    const customer = await customerPage("keyboard chat");
    const ana = await agentPage("ana@baton.local", "keyboard chat ana");
    const { page } = customer;
    try {
      await listenLikeAScreenReader(page);
      const input = page.getByRole("textbox", { name: "Message" });
      for (const text of ["hello there", "what are your opening hours?", "do you ship abroad?"]) {
        await input.fill(text);
        // Sent with the button, from the keyboard: focus stays in the message box, ready for the next line.
        await page.getByRole("button", { name: "Send message" }).press("Enter");
        await page.locator(".chat-row--customer[data-message-id]", { hasText: text }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("chat-input");
      }
      await markAgentOnline(e2e.app, "ana@baton.local");
      await askForPerson(page);
      const id = await conversationIdOf(page);

      // The transcript is a named tab stop that scrolls with the keyboard.
      const transcript = page.getByRole("region", { name: "Conversation transcript" });
      const scrollTop = () => transcript.evaluate((element) => element.scrollTop);
      await expect.poll(() => transcript.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
      await transcript.focus();
      const bottom = await scrollTop();
      await page.keyboard.press("Home");
      await expect.poll(scrollTop).toBeLessThan(bottom);
      await snap(page);

      await expect.poll(async () => (await announcements(page)).some((line) => line.includes("You're in the queue for our"))).toBe(true);

      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      // As in a real conversation, the customer's page knows who joined before that person's first line arrives.
      await page.locator(".chat-header__avatar[data-agent='true']").waitFor();
      const reply = ana.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("Hi, Ana here.");
      await reply.press("Enter");
      await page.getByText("Hi, Ana here.").waitFor();
      await ana.page.getByRole("button", { name: "Resolve" }).click();
      await page.getByRole("heading", { name: "How was your conversation?" }).waitFor();
      await expect.poll(async () => (await announcements(page)).some((line) => line.startsWith("How was your conversation?"))).toBe(true);

      const said = await announcements(page);
      for (const text of ["hello there", "what are your opening hours?", "do you ship abroad?", "I want to talk to a human"]) {
        expect(said.filter((line) => line.includes(text)), text).toHaveLength(1);
      }
      // Bot lines are spoken once under the workspace's branded bot name ("Threads assistant said: …").
      const { botName } = await e2e.app.db.workspaceBranding.findUniqueOrThrow({ where: { id: "workspace" }, select: { botName: true } });
      expect(said.some((line) => line.startsWith(`${botName} said: `))).toBe(true);
      expect(said.filter((line) => line.includes(`${botName} ${botName}`) || /Bot\s*Bot/.test(line))).toEqual([]);
      expect(said.filter((line) => line.includes("Hi, Ana here."))).toEqual([expect.stringMatching(/^Ana, Support said: Hi, Ana here\./)]);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });

  it("announces a new handoff in the agent's list and keeps focus after Claim and Resolve", async () => {
    const ana = await agentPage("ana@baton.local", "keyboard inbox ana");
    const customer = await customerPage("keyboard inbox");
    try {
      await ana.page.goto("/inbox");
      const announcement = ana.page.getByTestId("arrivals-announcement");
      await expect(announcement.getAttribute("role")).resolves.toBe("status");
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);
      await row(ana.page, id).waitFor({ timeout: 10_000 });
      await expect.poll(() => announcement.textContent()).toMatch(/^New conversation: Visitor [A-Z0-9]{4}/);
      // The list with a live arrival on top (its "New" badge) passes the audit too.
      await expectClean(ana.page);

      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).press("Enter");
      await ana.page.getByText("Assigned to you").waitFor();
      await expect.poll(() => ana.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Reply");
      await ana.page.keyboard.type("On it.");
      await ana.page.keyboard.press("Enter");
      await customer.page.getByText("On it.").waitFor();

      await ana.page.getByRole("button", { name: "Resolve" }).press("Enter");
      await ana.page.getByText("Resolved. The customer is asked for a rating.").waitFor();
      await expect.poll(() => ana.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Reopen");
      await snap(ana.page);
    } finally {
      await closeChecked(ana);
      await closeChecked(customer);
    }
  });

  it("draws focus rings at 3:1 or more against what is behind them", async () => {
    const { page } = e2e;
    await page.goto("/login");
    await expectVisibleFocus(page, page.getByLabel("Email"));
    await expectVisibleFocus(page, page.getByRole("button", { name: "Sign in" }));
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    await expectVisibleFocus(page, page.getByRole("link", { name: "Knowledge" }).first());
    await expectVisibleFocus(page, page.getByRole("button", { name: "New flow" }));
    await page.goto("/chat/store-support");
    await page.getByText("I'm the Threads & Co. assistant").waitFor();
    await expectVisibleFocus(page, page.getByRole("textbox", { name: "Message" }));
    await expectVisibleFocus(page, page.getByRole("region", { name: "Conversation transcript" }));
    await snap(page);
  });
});
