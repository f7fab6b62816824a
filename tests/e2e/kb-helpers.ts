/** The support lead's way into the demo knowledge base's "Gift cards" article, shared by the KB editor tests. */
import { signIn, type E2E } from "./harness";

/** Signs the admin in at a laptop size, searches /kb for gift cards and opens the article's editor. */
export async function openGiftCardsArticle(e2e: E2E): Promise<void> {
  const { page } = e2e;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@baton.local");
  await e2e.goto("/kb?q=gift+cards");
  await page.getByRole("link", { name: "Gift cards", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Gift cards" }).waitFor();
}
