/**
 * Seeds GENERATED DEMO DATA: ~420 past conversations of the published starter flows over the
 * last 30 days, run by the real flow engine with scripted customers (demo-history/generate.ts),
 * so analytics and the inbox have something to show on first start. Idempotent: it runs once per database — if any generated conversation exists
 * (token hash starting with DEMO_TOKEN_PREFIX), it does nothing. BATON_DEMO_HISTORY=off skips it.
 * One transaction of multi-row INSERTs (Prisma's createMany costs ~0.2 ms a row here, ten times
 * more): under a second for the ~10,000 rows.
 */
import { splitParagraphs, stripMarkdown } from "~/engines/local/markdown";
import { parseFlowDocument } from "~/flow";
import { buildInserts, runWriteTransaction } from "~/runtime/sql.server";
import type { Db } from "~/utils/db.server";
import { installRe2Patterns } from "~/nodes/shared/pattern-match.server";
import { DEMO_TOKEN_PREFIX, generateDemoHistory, type DemoArticle, type DemoFlow, type DemoTeam } from "./demo-history/generate";

// The demo history runs the flows: their patterns match in RE2 (see ~/nodes/shared/pattern.ts).
installRe2Patterns();

export const DEMO_HISTORY = { conversations: 420, days: 30, seed: 20_261_124 };

export type SeedHistoryReport = { created: number; skipped: "exists" | "disabled" | "no-flows" | null };

function parseTags(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === "string") : [];
  } catch {
    return [];
  }
}

function excerpt(body: string): string {
  const paragraph = splitParagraphs(stripMarkdown(body)).find((sentences) => sentences.join(" ").length > 60) ?? [];
  return paragraph.slice(0, 2).join(" ") || "Here's what our help centre says about that.";
}

async function loadInputs(db: Db): Promise<{ flows: DemoFlow[]; teams: DemoTeam[]; articles: DemoArticle[] }> {
  const [versions, teams, articles] = await Promise.all([
    db.flowVersion.findMany({ where: { number: { not: null }, flow: { archivedAt: null } }, orderBy: { number: "desc" }, select: { id: true, flowId: true, number: true, document: true } }),
    db.team.findMany({ select: { id: true, slug: true, name: true, memberships: { select: { user: { select: { id: true, name: true, role: true } } } } } }),
    db.article.findMany({ where: { status: "published" }, orderBy: { slug: "asc" }, select: { id: true, slug: true, title: true, tags: true, body: true } }),
  ]);
  const flows: DemoFlow[] = [];
  for (const version of versions) {
    if (flows.some((flow) => flow.id === version.flowId)) continue;
    const parsed = parseFlowDocument(JSON.parse(version.document));
    if (parsed.ok) flows.push({ id: version.flowId, versionId: version.id, versionNumber: version.number ?? 1, document: parsed.document });
  }
  flows.sort((a, b) => a.document.slug.localeCompare(b.document.slug));
  return {
    flows,
    teams: teams.map((team) => ({ id: team.id, slug: team.slug, name: team.name, agents: team.memberships.map((membership) => membership.user).filter((user) => user.role === "agent") })),
    articles: articles.map((article) => ({ id: article.id, slug: article.slug, title: article.title, tags: parseTags(article.tags), excerpt: excerpt(article.body) })),
  };
}

export async function seedDemoHistory(db: Db, now = new Date()): Promise<SeedHistoryReport> {
  if (process.env.BATON_DEMO_HISTORY === "off") return { created: 0, skipped: "disabled" };
  const existing = await db.conversation.count({ where: { tokenHash: { startsWith: DEMO_TOKEN_PREFIX } } });
  if (existing > 0) return { created: 0, skipped: "exists" };
  const inputs = await loadInputs(db);
  if (inputs.flows.length === 0) return { created: 0, skipped: "no-flows" };
  const history = await generateDemoHistory({ ...inputs, ...DEMO_HISTORY, now: now.getTime() });
  // Thousands of rows: one synchronous transaction of cached prepared statements on the app's
  // shared connection (the turn engine's write path), not a Prisma call per row.
  await runWriteTransaction([
    ...buildInserts("Contact", history.contacts),
    ...buildInserts("Conversation", history.conversations),
    ...buildInserts("Message", history.messages),
    ...buildInserts("Event", history.events),
  ]);
  return { created: history.conversations.length, skipped: null };
}
