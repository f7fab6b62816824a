/** Shared by the knowledge-base page tests: the demo admin's and agent's session cookies, an empty knowledge base. */
import { reloadKnowledgeIndex } from "~/engines/knowledge-store.server";
import { db } from "~/utils/db.server";
import { seedAndFind, sessionCookieFor } from "./auth";

export async function demoCookies(): Promise<{ admin: string; agent: string }> {
  const admin = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  const agent = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
  return { admin, agent };
}

/** No articles, and a search index that knows it (a raw deleteMany does not tell the index). */
export async function emptyKnowledgeBase(): Promise<void> {
  await db.article.deleteMany();
  await reloadKnowledgeIndex();
}
