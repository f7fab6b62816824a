/**
 * Seeds the demo help center from app/workspace/knowledge-base/*.md. Runs on every start and in
 * tests, so it only CREATES articles whose slug is missing: an article an admin has edited (or
 * deliberately deleted and re-created) is never overwritten. Articles an admin deleted come back
 * on the next start — the demo workspace is meant to be complete.
 */
import path from "node:path";
import type { Db } from "~/utils/db.server";
import { formatProblem, loadArticlesForImport, saveImportedArticles } from "~/kb/import.server";

export type SeedKnowledgeBaseReport = { created: string[]; existing: number };

export const DEMO_KNOWLEDGE_BASE_DIR = path.resolve(process.env.BATON_KB_DIR ?? "app/workspace/knowledge-base");

export async function seedKnowledgeBase(db: Db, directory = DEMO_KNOWLEDGE_BASE_DIR): Promise<SeedKnowledgeBaseReport> {
  const { articles, problems } = loadArticlesForImport(directory);
  if (problems.length > 0) {
    // A broken demo article must not stop the app from starting; the importer tests catch it in CI.
    console.warn(`demo knowledge base not seeded:\n${problems.map(formatProblem).join("\n")}`);
    return { created: [], existing: 0 };
  }
  const { created } = await saveImportedArticles(articles, { client: db, onlyMissing: true });
  return { created, existing: articles.length - created.length };
}
