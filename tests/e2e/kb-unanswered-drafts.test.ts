/**
 * "Questions the bot couldn't answer" in Chromium: a question the lead adds to a DRAFT article
 * stays listed, marked "Added to draft …", until that article is published (the bot cannot answer
 * from a draft); it can still be added to another article (a draft may be abandoned), which
 * answers it at once when that one is published.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signIn, snap, useE2E } from "./harness";

const e2e = useE2E();

describe("a question added to a draft article", () => {
  it("stays listed with its draft until the draft is published", async () => {
    const { page, app } = e2e;
    const question = "can I swap the colour of a jumper I already ordered";
    const flow = await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { id: true, versions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } } });
    const conversation = await app.db.conversation.create({ data: { flowId: flow.id, flowVersionId: flow.versions[0].id, tokenHash: randomBytes(16).toString("hex"), channel: "web" }, select: { id: true } });
    await app.db.event.create({ data: { conversationId: conversation.id, flowId: flow.id, type: "kb.notFound", payload: JSON.stringify({ query: question }) }, select: { id: true } });
    const draft = await app.db.article.update({ where: { slug: "add-or-remove-items" }, data: { status: "draft" }, select: { id: true, title: true } });

    await signIn(page, "admin@baton.local");
    await e2e.goto("/kb");
    const gaps = page.getByRole("region", { name: "Questions the bot couldn't answer" });
    const row = gaps.getByRole("listitem").filter({ hasText: question });
    await row.getByRole("button", { name: "Add to an article…" }).click();
    const picker = row.getByRole("form", { name: `Add “${question}” to an article` });
    await picker.getByRole("searchbox", { name: "Find the article that answers it" }).fill(draft.title);
    await picker.getByRole("listbox", { name: "Article" }).selectOption(draft.id);
    await picker.getByRole("button", { name: `Add to “${draft.title}”` }).click();
    await page.getByRole("status").getByText("The bot uses it once the article is published.").waitFor();

    await row.getByText("Added to draft").waitFor();
    await expect(row.getByRole("link", { name: `“${draft.title}”` }).getAttribute("href")).resolves.toBe(`/kb/${draft.id}`);
    await expect(row.getByRole("button", { name: "Add to an article…" }).count()).resolves.toBe(0);
    await expect(picker.count()).resolves.toBe(0);
    await snap(page);

    // The draft may be abandoned: another article can still take the question (not the draft again).
    await row.getByRole("button", { name: "Add to another article…" }).click();
    const options = await picker.getByRole("listbox", { name: "Article" }).locator("option").evaluateAll((elements) => elements.map((option) => (option as HTMLOptionElement).value));
    expect(options.length).toBeGreaterThan(0);
    expect(options).not.toContain(draft.id);
    await snap(page);
    const other = await app.db.article.findUniqueOrThrow({ where: { slug: "cancel-an-order" }, select: { id: true, title: true } });
    await picker.getByRole("searchbox", { name: "Find the article that answers it" }).fill(other.title);
    await picker.getByRole("listbox", { name: "Article" }).selectOption(other.id);
    await picker.getByRole("button", { name: `Add to “${other.title}”` }).click();
    // A published article answers it now: it leaves the list.
    await expect.poll(() => gaps.getByText(question).count()).toBe(0);
  });
});
