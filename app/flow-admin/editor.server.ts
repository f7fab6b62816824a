/**
 * What the canvas editor reads and writes. The draft is guarded by a revision (the draft's
 * `draftUpdatedAt` in epoch ms): a save names the revision it was based on and is refused when
 * another tab or person saved in between, so two editors never silently overwrite each other.
 */
import { listCredentialNames } from "~/integrations/credentials.server";
import { stringifyFlowDocument, type FlowDocument } from "~/flow";
import { parseStoredTags } from "~/kb/articles.server";
import { publishFlow, type FlowProblem } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import type { FlowEditorData } from "./editor-data";
import { draftDiffersFromVersion, listVersionsMatchingDraft } from "./draft-changes.server";
import { readDraft } from "./flows.server";

/** A large flow document is a few hundred KB; the cap keeps a runaway client from posting megabytes per keystroke. */
export const EDITOR_BODY_BYTES = 4 * 1024 * 1024;

async function latestPublished(flowId: string) {
  return db.flowVersion.findFirst({
    where: { flowId, number: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, publishedAt: true, documentHash: true },
  });
}

async function listKbTags(): Promise<string[]> {
  const articles = await db.article.findMany({ where: { status: "published" }, select: { tags: true } });
  return [...new Set(articles.flatMap((article) => parseStoredTags(article.tags)))].sort();
}

type StoredDraft = { document: FlowDocument; revision: number };

/** The draft column as the editor works on it: the document and its revision, or null when unreadable. */
function storedDraft(flow: { draft: string; draftUpdatedAt: Date }): StoredDraft | null {
  const document = readDraft(flow.draft);
  return document ? { document, revision: flow.draftUpdatedAt.getTime() } : null;
}

export async function getFlowEditor(flowId: string): Promise<FlowEditorData | null> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { id: true, name: true, slug: true, draft: true, draftUpdatedAt: true, archivedAt: true } });
  const draft = flow && storedDraft(flow);
  if (!flow || !draft) return null;
  const { document, revision } = draft;
  const [teams, kbTags, credentials, latest] = await Promise.all([
    db.team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    listKbTags(),
    listCredentialNames(),
    latestPublished(flowId),
  ]);
  return {
    flow: { id: flow.id, name: flow.name, slug: flow.slug, archived: flow.archivedAt !== null },
    document,
    revision,
    teams,
    kbTags,
    credentials,
    published: latest?.number != null ? { number: latest.number, publishedAt: (latest.publishedAt ?? new Date()).toISOString() } : null,
    unpublishedChanges: latest ? await draftDiffersFromVersion(document, latest) : false,
  };
}

/** The stored draft and its revision, for an editor that lost a save conflict and loads the other version. */
export async function getDraft(flowId: string): Promise<StoredDraft | null> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { draft: true, draftUpdatedAt: true } });
  return flow && storedDraft(flow);
}

export type SaveOutcome =
  | { ok: true; revision: number; unpublishedChanges: boolean }
  | { ok: false; reason: "conflict"; revision: number }
  | { ok: false; reason: "not-found" };

/** Writes the draft when `baseRevision` is still the stored one. The flow's slug always wins over the document's. */
export async function saveDraft(flowId: string, baseRevision: number, document: FlowDocument): Promise<SaveOutcome> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { slug: true, draft: true, draftUpdatedAt: true } });
  if (!flow) return { ok: false, reason: "not-found" };
  const stored = { ...document, slug: flow.slug };
  if (flow.draftUpdatedAt.getTime() !== baseRevision) {
    // The same document saved twice (a save sent while the page unloaded, then again after the
    // reload) is no conflict: answer as if this save had made it.
    if (flow.draft === stringifyFlowDocument(stored)) return { ok: true, revision: flow.draftUpdatedAt.getTime(), unpublishedChanges: await differsFromPublished(flowId, stored) };
    return { ok: false, reason: "conflict", revision: flow.draftUpdatedAt.getTime() };
  }
  // Strictly increasing even when two saves land in the same millisecond.
  const next = new Date(Math.max(Date.now(), baseRevision + 1));
  const { count } = await db.flow.updateMany({
    where: { id: flowId, draftUpdatedAt: new Date(baseRevision) },
    data: { draft: stringifyFlowDocument(stored), name: stored.name, draftUpdatedAt: next },
  });
  if (count === 0) {
    const current = await db.flow.findUnique({ where: { id: flowId }, select: { draftUpdatedAt: true } });
    return current ? { ok: false, reason: "conflict", revision: current.draftUpdatedAt.getTime() } : { ok: false, reason: "not-found" };
  }
  return { ok: true, revision: next.getTime(), unpublishedChanges: await differsFromPublished(flowId, stored) };
}

async function differsFromPublished(flowId: string, document: FlowDocument): Promise<boolean> {
  const latest = await latestPublished(flowId);
  return latest ? draftDiffersFromVersion(document, latest) : false;
}

export type PublishOutcome =
  | { ok: true; number: number; revision: number; warnings: FlowProblem[] }
  | { ok: false; reason: "conflict" | "not-found" | "archived"; message: string }
  | { ok: false; reason: "invalid"; errors: FlowProblem[] };

/**
 * Publishes the stored draft as version N+1, provided it is the revision the editor shows (the
 * editor saves first). Refuses, changing nothing, while the draft has compile errors.
 */
export async function publishDraft(flowId: string, baseRevision: number, publishedById: string): Promise<PublishOutcome> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { draft: true, draftUpdatedAt: true, archivedAt: true } });
  if (!flow) return { ok: false, reason: "not-found", message: "This flow no longer exists." };
  if (flow.archivedAt) return { ok: false, reason: "archived", message: "This flow is archived: restore it from the Flows list before publishing." };
  if (flow.draftUpdatedAt.getTime() !== baseRevision) return { ok: false, reason: "conflict", message: "The draft changed in another tab or by someone else. Reload to see it before publishing." };
  const published = await publishFlow(JSON.parse(flow.draft), { publishedById });
  if (!published.ok) return { ok: false, reason: "invalid", errors: published.errors };
  const after = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftUpdatedAt: true } });
  return { ok: true, number: published.number, revision: after.draftUpdatedAt.getTime(), warnings: published.warnings };
}

export type VersionSummary = { id: string; number: number; publishedAt: string; publishedBy: string | null; current: boolean; matchesDraft: boolean };

export async function listVersions(flowId: string): Promise<VersionSummary[] | null> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { draft: true } });
  if (!flow) return null;
  const versions = await db.flowVersion.findMany({
    where: { flowId, number: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, publishedAt: true, createdAt: true, documentHash: true, publishedBy: { select: { name: true } } },
  });
  const matching = await listVersionsMatchingDraft(readDraft(flow.draft), versions);
  return versions.map((version, index) => ({
    id: version.id,
    number: version.number ?? 0,
    publishedAt: (version.publishedAt ?? version.createdAt).toISOString(),
    publishedBy: version.publishedBy?.name ?? null,
    current: index === 0,
    matchesDraft: matching.has(version.id),
  }));
}

/** A published version's document, for "restore as draft" (the editor then saves it as the draft). */
export async function getVersionDocument(flowId: string, versionId: string): Promise<FlowDocument | null> {
  const version = await db.flowVersion.findFirst({ where: { id: versionId, flowId, number: { not: null } }, select: { document: true } });
  return version ? readDraft(version.document) : null;
}

/** The draft as the file `flows/<slug>.json` (stable key order). */
export async function exportDraft(flowId: string): Promise<{ filename: string; text: string } | null> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { slug: true, draft: true } });
  const document = flow && readDraft(flow.draft);
  if (!flow || !document) return null;
  return { filename: `${flow.slug}.json`, text: stringifyFlowDocument(document) };
}
