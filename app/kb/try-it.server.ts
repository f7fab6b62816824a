/**
 * "Try it": what the bot would do with a customer's question — the articles retrieval finds with
 * their 0..1 scores, and the answer each engine would give — under the settings (tags, minimum
 * score) of the whole knowledge base or of one KB node of a published flow. Nothing is recorded:
 * no conversation, no events, so trying questions never shows up in the usage counts.
 */
import { z } from "zod";
import { getKnowledgeRetrievers } from "~/engines/index.server";
import type { KbAnswer, KnowledgeRetriever, RetrievedArticle } from "~/engines/types";
import { KbDataSchema } from "~/nodes/kb/schema";
import { db as defaultDb, type Db } from "~/utils/db.server";

export const WHOLE_KB_SCOPE = "all";
export const TRY_LIMIT = 5;

export type TryItScope = { id: string; flowName: string | null; nodeId: string | null; tags: string[]; minScore: number };
export type EngineOutcome = { answer: KbAnswer | null; milliseconds: number; error: string | null };
export type TryItResult = {
  retrieved: Array<RetrievedArticle & { reachesMinScore: boolean }>;
  local: EngineOutcome;
  /** null when OpenAI is not configured. */
  openai: (EngineOutcome & { model: string }) | null;
};

const DEFAULT_MIN_SCORE = KbDataSchema.parse({}).minScore;
const StoredFlowSchema = z.object({ nodes: z.array(z.object({ id: z.string(), kind: z.string(), data: z.unknown() })) });

/** The whole knowledge base, then every KB node of every published flow (latest version), by flow name. */
export async function listTryItScopes(client: Db = defaultDb): Promise<TryItScope[]> {
  const flows = await client.flow.findMany({
    where: { archivedAt: null, versions: { some: { number: { not: null } } } },
    select: { slug: true, name: true, versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { document: true } } },
    orderBy: { name: "asc" },
  });
  const scopes: TryItScope[] = [{ id: WHOLE_KB_SCOPE, flowName: null, nodeId: null, tags: [], minScore: DEFAULT_MIN_SCORE }];
  for (const flow of flows) {
    for (const node of readKbNodes(flow.versions[0]?.document)) {
      scopes.push({ id: `${flow.slug}/${node.id}`, flowName: flow.name, nodeId: node.id, tags: node.data.tags, minScore: node.data.minScore });
    }
  }
  return scopes;
}

function readKbNodes(document: string | undefined) {
  try {
    const parsed = StoredFlowSchema.safeParse(JSON.parse(document ?? "null"));
    if (!parsed.success) return [];
    return parsed.data.nodes.flatMap((node) => {
      const data = node.kind === "kb" ? KbDataSchema.safeParse(node.data) : null;
      return data?.success ? [{ id: node.id, data: data.data }] : [];
    });
  } catch {
    return [];
  }
}

async function timed(run: () => Promise<KbAnswer | null>): Promise<EngineOutcome> {
  const started = performance.now();
  try {
    const answer = await run();
    return { answer, milliseconds: Math.round(performance.now() - started), error: null };
  } catch (error) {
    return { answer: null, milliseconds: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

export async function tryQuestion(question: string, scope: TryItScope): Promise<TryItResult> {
  const { local, openai } = getKnowledgeRetrievers();
  const input = { query: question, tags: scope.tags, minScore: scope.minScore };
  const retrieved = await local.search({ query: question, tags: scope.tags, limit: TRY_LIMIT });
  const answerWith = (retriever: KnowledgeRetriever) => timed(() => retriever.answer(input));
  const [localOutcome, openaiOutcome] = await Promise.all([answerWith(local), openai ? answerWith(openai.retriever) : Promise.resolve(null)]);
  return {
    retrieved: retrieved.map((article) => ({ ...article, reachesMinScore: article.score >= scope.minScore })),
    local: localOutcome,
    openai: openai && openaiOutcome ? { ...openaiOutcome, model: openai.model } : null,
  };
}

/** The tags KB nodes of published flows answer from (the editor's hint), sorted, once each. */
export async function listFlowTags(client: Db = defaultDb): Promise<string[]> {
  const scopes = await listTryItScopes(client);
  return [...new Set(scopes.flatMap((scope) => scope.tags.map((tag) => tag.toLowerCase())))].sort();
}
