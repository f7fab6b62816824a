/**
 * The KB nodes of the published flows (latest version of each): their tags and minimum score
 * are what "Try it" can answer like, and their tags are the editor's hint about which tags matter.
 */
import { z } from "zod";
import { CONFIDENCE_MODEL } from "~/engines/local/knowledge-ranker";
import type { NodeKind } from "~/nodes/kinds";
import { getNodeKind, nodeRegistry } from "~/nodes/registry";
import { db as defaultDb, type Db } from "~/utils/db.server";

export const WHOLE_KB_SCOPE = "all";

/**
 * A way to answer: the whole knowledge base with a KB node's default settings, or one flow's KB
 * node. `locale` is the flow's language (the bot's own phrases, e.g. its offer of articles).
 */
export type TryItScope = { id: string; flowName: string | null; nodeId: string | null; tags: string[]; minScore: number; offerSuggestions: boolean; locale: string | null };

type KnowledgeScope = { tags: string[]; minScore: number; offerSuggestions: boolean };

/** The scope a node answers from, through its kind's `knowledgeScope`; null for kinds that do not answer from the KB or data that does not parse. */
function knowledgeScopeOf(kindId: string, data: unknown): KnowledgeScope | null {
  if (!Object.hasOwn(nodeRegistry, kindId)) return null;
  const kind = getNodeKind(kindId as NodeKind);
  if (!kind.knowledgeScope) return null;
  const parsed = kind.schema.safeParse(data);
  return parsed.success ? kind.knowledgeScope(parsed.data) : null;
}

/** The engine's calibrated default: what a KB step answers at unless its author changed it. */
const DEFAULT_MIN_SCORE = CONFIDENCE_MODEL.defaultMinScore;
const StoredFlowSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.string(), data: z.unknown() })),
  settings: z.object({ locale: z.string().optional().catch(undefined) }).optional().catch(undefined),
});

/** The whole knowledge base, then every KB node of every published flow (latest version), by flow name. */
export async function listTryItScopes(client: Db = defaultDb): Promise<TryItScope[]> {
  const flows = await client.flow.findMany({
    where: { archivedAt: null, versions: { some: { number: { not: null } } } },
    select: { slug: true, name: true, versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { document: true } } },
    orderBy: { name: "asc" },
  });
  // A new KB step offers the closest articles when it is unsure (its schema's default).
  const scopes: TryItScope[] = [{ id: WHOLE_KB_SCOPE, flowName: null, nodeId: null, tags: [], minScore: DEFAULT_MIN_SCORE, offerSuggestions: true, locale: null }];
  for (const flow of flows) {
    const { locale, nodes } = readKbNodes(flow.versions[0]?.document);
    for (const node of nodes) {
      scopes.push({ id: `${flow.slug}/${node.id}`, flowName: flow.name, nodeId: node.id, ...node.data, locale });
    }
  }
  return scopes;
}

function readKbNodes(document: string | undefined): { locale: string | null; nodes: Array<{ id: string; data: KnowledgeScope }> } {
  try {
    const parsed = StoredFlowSchema.safeParse(JSON.parse(document ?? "null"));
    if (!parsed.success) return { locale: null, nodes: [] };
    const nodes = parsed.data.nodes.flatMap((node) => {
      const scope = knowledgeScopeOf(node.kind, node.data);
      return scope ? [{ id: node.id, data: scope }] : [];
    });
    return { locale: parsed.data.settings?.locale ?? null, nodes };
  } catch {
    return { locale: null, nodes: [] };
  }
}

/** The tags KB nodes of published flows answer from (the editor's hint), sorted, once each. */
export async function listFlowTags(client: Db = defaultDb): Promise<string[]> {
  const scopes = await listTryItScopes(client);
  return [...new Set(scopes.flatMap((scope) => scope.tags.map((tag) => tag.toLowerCase())))].sort();
}
