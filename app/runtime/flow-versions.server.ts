/**
 * Publishing flow documents and loading the compiled machine of a pinned version.
 * A FlowVersion never changes after it is written, so compiled machines are cached by version
 * id without invalidation; the cache is an LRU so thousands of conversations spread over many
 * versions keep a bounded number of machines in memory. Publishing and compiling also train the
 * version's intent models (engines' warmIntentModels), so no customer turn waits for training.
 */
import { hashFlowDocument } from "~/flow/hash.server";
import { checkFlowSize, compileFlow, FLOW_LIMITS, diagnoseUnparsedFlow, listIntentModels, parseFlowDocument, stringifyFlowDocument, type FlowDocument, type NodeKind } from "~/flow";
import type { Prisma } from "~/generated/prisma/client";
import { db, type Db } from "~/utils/db.server";
import { LruCache } from "~/utils/lru";

export type FlowProblem = {
  severity: "error" | "warning";
  code: string;
  message: string;
  nodeId?: string;
  field?: string;
  path?: string;
};

export type ValidatedFlow = { ok: true; document: FlowDocument; warnings: FlowProblem[] } | { ok: false; errors: FlowProblem[] };

type DbClient = Db | Prisma.TransactionClient;

/**
 * Parses and compiles a document (against the known team slugs when given); every problem is
 * returned, not only the first — for a document that does not parse, its parse errors AND the
 * compile diagnostics of the parts that do (see diagnoseUnparsedFlow).
 */
export function validateFlow(json: unknown, teams: string[] | undefined): ValidatedFlow {
  // Over the size limits nothing else runs: no parse, no salvage, no compile.
  const tooBig = checkFlowSize(json);
  if (tooBig) return { ok: false, errors: [{ severity: "error", code: "too-big", ...tooBig }] };
  const parsed = parseFlowDocument(json);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: [
        ...parsed.errors.map((error) => ({ severity: "error" as const, code: "invalid-document", ...error })),
        ...diagnoseUnparsedFlow(json, { teams }).map((diagnostic): FlowProblem => ({ ...diagnostic })),
      ],
    };
  }
  const { diagnostics } = compileFlow(parsed.document, { teams });
  const problems: FlowProblem[] = diagnostics.map((diagnostic) => ({ ...diagnostic }));
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document: parsed.document, warnings: problems };
}

export async function listTeamSlugs(client: DbClient = db): Promise<string[]> {
  const teams = await client.team.findMany({ select: { slug: true } });
  return teams.map((team) => team.slug);
}

/** Creates the Flow when the slug is new, else replaces its draft. Returns the flow id. */
export async function saveFlowDraft(client: DbClient, document: FlowDocument): Promise<string> {
  const draft = stringifyFlowDocument(document);
  const flow = await client.flow.upsert({
    where: { slug: document.slug },
    create: { slug: document.slug, name: document.name, draft },
    update: { name: document.name, draft, draftUpdatedAt: new Date() },
    select: { id: true },
  });
  return flow.id;
}

export type PublishedVersion = { flowId: string; flowVersionId: string; number: number; created: boolean };

/**
 * Writes an already validated document as the next published version (N+1) and makes it the
 * draft. With `skipIfPublished`, a document whose hash any published version of the flow
 * already has is not published again (the seed runs on every start).
 */
export async function writePublishedVersion(
  client: DbClient,
  document: FlowDocument,
  options: { publishedById?: string | null; skipIfPublished?: boolean } = {},
): Promise<PublishedVersion> {
  const documentHash = hashFlowDocument(document);
  if (options.skipIfPublished) {
    const existing = await client.flowVersion.findFirst({
      where: { flow: { slug: document.slug }, documentHash, number: { not: null } },
      select: { id: true, flowId: true, number: true },
      orderBy: { number: "desc" },
    });
    if (existing?.number != null) {
      return { flowId: existing.flowId, flowVersionId: existing.id, number: existing.number, created: false };
    }
  }
  const flowId = await saveFlowDraft(client, document);
  const latest = await client.flowVersion.aggregate({ where: { flowId }, _max: { number: true } });
  const number = (latest._max.number ?? 0) + 1;
  const version = await client.flowVersion.create({
    data: {
      flowId,
      number,
      document: stringifyFlowDocument(document),
      documentHash,
      publishedAt: new Date(),
      publishedById: options.publishedById ?? null,
    },
    select: { id: true },
  });
  return { flowId, flowVersionId: version.id, number, created: true };
}

export type PublishResult = ({ ok: true } & PublishedVersion & { warnings: FlowProblem[] }) | { ok: false; errors: FlowProblem[] };

/** Validates against the Team table and publishes; refuses (changing nothing) when any error. */
export async function publishFlow(
  json: unknown,
  options: { publishedById?: string | null; skipIfPublished?: boolean; client?: Db } = {},
): Promise<PublishResult> {
  const client = options.client ?? db;
  const validated = validateFlow(json, await listTeamSlugs(client));
  if (!validated.ok) return validated;
  const written = await client.$transaction((tx) => writePublishedVersion(tx, validated.document, options));
  latestBySlug.clear();
  // Compile (and train) the version now, once: its first customer must not pay for it.
  await getCompiledVersion(written.flowVersionId, client);
  return { ok: true, ...written, warnings: validated.warnings };
}

/** Loads the engines only when there is something to train: the flows CLI never needs them. */
async function warmIntentModelsOf(document: FlowDocument): Promise<void> {
  const models = listIntentModels(document);
  if (models.length === 0) return;
  const { warmIntentModels } = await import("~/engines/index.server");
  warmIntentModels(models);
}

export type LatestVersion = { flowId: string; flowVersionId: string; number: number };

// New conversations ask for the latest version on every start: remember it briefly. Publishing in
// this process clears it at once; another instance's publish is seen within the TTL.
const LATEST_TTL_MS = 5_000;
const latestBySlug = new LruCache<string, { at: number; version: LatestVersion | null }>(1_000);

/** The version new conversations of a slug start on; null when the flow is unknown, archived or unpublished. */
export async function getLatestPublishedVersion(slug: string): Promise<LatestVersion | null> {
  const cached = latestBySlug.get(slug);
  if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached.version;
  const version = await readLatestPublishedVersion(slug);
  latestBySlug.set(slug, { at: Date.now(), version });
  return version;
}

export function forgetLatestVersions(): void {
  latestBySlug.clear();
}

async function readLatestPublishedVersion(slug: string, client: DbClient = db): Promise<LatestVersion | null> {
  const version = await client.flowVersion.findFirst({
    where: { flow: { slug, archivedAt: null }, number: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true, flowId: true, number: true },
  });
  if (!version || version.number == null) return null;
  return { flowId: version.flowId, flowVersionId: version.id, number: version.number };
}

export type CompiledVersion = {
  flowVersionId: string;
  document: FlowDocument;
  machine: ReturnType<typeof compileFlow>["machine"];
  /** Node id → kind, for the handoff packet ("questions asked" are the lines of kinds that ask). */
  nodeKinds: Map<string, NodeKind>;
};

const cacheCapacity = Number(process.env.FLOW_MACHINE_CACHE_SIZE ?? 64) || 64;
// A compiled version's memory grows with its steps (~9 MB for 1,000, measured): the cache is also
// bounded by their total, so 64 large flows cannot hold gigabytes. 10 maximal flows fit.
const CACHE_MAX_STEPS = 10 * FLOW_LIMITS.steps;
const compiled = new LruCache<string, CompiledVersion>(cacheCapacity, { weigh: (entry) => entry.nodeKinds.size, maxWeight: CACHE_MAX_STEPS });
const compiling = new Map<string, Promise<CompiledVersion>>();

/**
 * The compiled machine of a version. Compiled without the team list: the version was checked
 * when it was published, and a team deleted since must not stop running conversations (the
 * handoff then lands without a team). Throws when the stored document no longer compiles.
 */
export function getCompiledVersion(flowVersionId: string, client: DbClient = db): Promise<CompiledVersion> {
  const cached = compiled.get(flowVersionId);
  if (cached) return Promise.resolve(cached);
  let pending = compiling.get(flowVersionId);
  if (!pending) {
    pending = loadAndCompile(flowVersionId, client).finally(() => compiling.delete(flowVersionId));
    compiling.set(flowVersionId, pending);
  }
  return pending;
}

async function loadAndCompile(flowVersionId: string, client: DbClient): Promise<CompiledVersion> {
  const version = await client.flowVersion.findUniqueOrThrow({ where: { id: flowVersionId }, select: { document: true, number: true } });
  const parsed = parseFlowDocument(JSON.parse(version.document));
  if (!parsed.ok) throw new Error(`Flow version ${flowVersionId} is not a valid document: ${parsed.errors[0]?.message}`);
  const { machine, diagnostics } = compileFlow(parsed.document);
  const error = diagnostics.find((diagnostic) => diagnostic.severity === "error" && diagnostic.code !== "unknown-team");
  // A preview run (number null) of a draft still being built runs despite its errors: the
  // compiler turns each gap (an unconnected output, no start) into a handoff the preview shows.
  if (error && version.number !== null) throw new Error(`Flow version ${flowVersionId} does not compile: ${error.message}`);
  const nodeKinds = new Map<string, NodeKind>(parsed.document.nodes.map((node) => [node.id, node.kind]));
  // Another process may have published it: train its intent models before a customer needs them.
  await warmIntentModelsOf(parsed.document);
  const entry = { flowVersionId, document: parsed.document, machine, nodeKinds };
  compiled.set(flowVersionId, entry);
  return entry;
}

export function compiledVersionCacheSize(): number {
  return compiled.size;
}
