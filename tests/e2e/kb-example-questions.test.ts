/**
 * Example questions ("Customers also ask") in Chromium, against the production build with the
 * seeded demo knowledge base: the support lead adds them in the article editor with the keyboard,
 * and from "Questions the bot couldn't answer" with the searchable article picker; Try it then
 * answers the question from that article and says which example question matched.
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";
import { openGiftCardsArticle } from "./kb-helpers";

const e2e = useE2E();

/**
 * Try it, asked again until the article has been read for its meaning: vectors are computed in
 * the background after a start and after a save (a minute or more on a loaded 2-core machine).
 */
const MEANING_READ_MS = 150_000;
async function tryUntilMatched(page: Page, question: string) {
  await expect
    .poll(
      async () => {
        await e2e.goto(`/kb/try?${new URLSearchParams({ q: question })}`);
        return page.getByText(`Matched the example question “${question}”`).count();
      },
      { timeout: MEANING_READ_MS, interval: 1_000 },
    )
    .toBe(1);
}

describe("example questions", () => {
  it("the lead adds them in the article editor with the keyboard; Try it answers from the article and names the one that matched", async () => {
    const { page } = e2e;
    await openGiftCardsArticle(e2e);

    const group = page.getByRole("group", { name: "Customers also ask" });
    const newQuestion = group.getByRole("textbox", { name: "New example question" });
    const question = "can I give store vouchers as a birthday present?";
    await newQuestion.fill(question);
    await newQuestion.press("Enter");
    // Enter added it and left the focus in the box for the next one.
    await expect(group.getByRole("textbox", { name: "Example question 1" }).inputValue()).resolves.toBe(question);
    await expect(newQuestion.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // The same question but for case, spacing and end punctuation.
    await newQuestion.fill("CAN I GIVE STORE VOUCHERS AS A  BIRTHDAY PRESENT!");
    await newQuestion.press("Enter");
    await group.getByRole("alert").getByText("is already in the list").waitFor();
    await newQuestion.fill("is there a monthly fee on vouchers");
    await group.getByRole("button", { name: "Add" }).click();
    await newQuestion.fill("a question I will remove");
    await newQuestion.press("Enter");
    await expect(group.getByRole("textbox", { name: /^Example question \d$/ }).count()).resolves.toBe(3);
    await group.getByRole("button", { name: "Remove example question 3: a question I will remove" }).click();
    await expect(group.getByRole("textbox", { name: /^Example question \d$/ }).count()).resolves.toBe(2);
    await snap(page);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved. The bot answers from this version now.").waitFor();
    await page.reload();
    await expect(group.getByRole("textbox", { name: /^Example question \d$/ }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).resolves.toEqual([
      question,
      "is there a monthly fee on vouchers",
    ]);

    await tryUntilMatched(page, question);
    await expect(page.getByRole("region", { name: "Local engine answer" }).getByRole("link", { name: "Gift cards" }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(".kb-retrieved-item").first().getByRole("link", { name: "Gift cards" }).isVisible()).resolves.toBe(true);
    await snap(page);
  }, MEANING_READ_MS + 60_000);

  it("the lead adds a question the bot couldn't answer to the article the customer picked; it leaves the list and Try it answers it", async () => {
    const { page, app } = e2e;
    await page.setViewportSize({ width: 1280, height: 900 });
    const question = "my coat came with the seam coming apart";
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true, versions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } } });
    const article = await app.db.article.findUniqueOrThrow({ where: { slug: "return-stained-item" }, select: { id: true, title: true } });
    const conversation = await app.db.conversation.create({ data: { flowId: flow.id, flowVersionId: flow.versions[0].id, tokenHash: randomBytes(16).toString("hex"), channel: "web" } });
    await app.db.event.create({
      data: { conversationId: conversation.id, flowId: flow.id, type: "kb.answered", payload: JSON.stringify({ articleId: article.id, slug: "return-stained-item", title: article.title, score: 0.41, query: question, picked: true }) },
    });

    await signIn(page, "admin@baton.local");
    await e2e.goto("/kb");
    const gaps = page.getByRole("region", { name: "Questions the bot couldn't answer" });
    const row = gaps.getByRole("listitem").filter({ hasText: question });
    const toggle = row.getByRole("button", { name: "Add to an article…" });
    await toggle.click();
    const picker = row.getByRole("form", { name: `Add “${question}” to an article` });
    // Escape closes the picker and gives the focus back to its button.
    await picker.getByRole("searchbox").press("Escape");
    await expect.poll(() => picker.count()).toBe(0);
    await expect(toggle.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await toggle.press("Enter");
    // The article the customer picked is chosen already; the lead can search for another.
    await expect(picker.getByRole("listbox", { name: "Article" }).inputValue()).resolves.toBe(article.id);
    await picker.getByRole("searchbox", { name: "Find the article that answers it" }).fill("stained");
    await expect(picker.getByRole("option").count()).resolves.toBe(1);
    await snap(page);
    await picker.getByRole("button", { name: `Add to “${article.title}”` }).click();
    await page.getByRole("status").getByText(`Added “${question}” as an example question of ${article.title}.`).waitFor();
    await expect.poll(() => gaps.getByText(question).count()).toBe(0);
    await snap(page);

    await tryUntilMatched(page, question);
    await expect(page.getByRole("region", { name: "Local engine answer" }).getByRole("link", { name: article.title }).count()).resolves.toBeGreaterThan(0);
    await snap(page);
  }, MEANING_READ_MS + 60_000);
});
