/**
 * Flow management for the /flows list: listing with status and recent traffic, create (blank
 * or from a starter), duplicate, rename, delete-or-archive, restore and import. A flow keeps
 * its slug for life (it is the chat page's address). Preview conversations never count.
 */
import { checkFlowJsonBytes, parseFlowDocument, stringifyFlowDocument, utf8Bytes, type FlowDocument } from "~/flow";
import { forgetLatestVersions, listTeamSlugs, saveFlowDraft, validateFlow, type FlowProblem } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { createBlankDocument, pickFreeSlug, slugifyFlowName } from "./new-flow";
import { draftDiffersFromVersion } from "./draft-changes.server";
import { getStarterFlow } from "./starters.server";
import { REAL_CHANNEL } from "~/vocabulary/channels";
import { DEFAULT_TEAM } from "~/vocabulary/teams";

export type FlowListItem = {
  id: string;
  name: string;
  slug: string;
  /** Latest published version number, null when never published. */
  published: number | null;
  /** The draft's content (not its name) differs from the latest published version (draft-changes.server.ts). */
  unpublishedChanges: boolean;
  editedAt: string;
  archived: boolean;
  conversations7d: number;
  /** Customer conversations ever: a flow with any is archived, never deleted. */
  conversationsTotal: number;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A draft read back from the database, or null when it no longer parses (never written by us). */
export function readDraft(draft: string): FlowDocument | null {
  try {
    const parsed = parseFlowDocument(JSON.parse(draft));
    return parsed.ok ? parsed.document : null;
  } catch {
    return null;
  }
}

export async function listFlows(now = new Date()): Promise<FlowListItem[]> {
  const [flows, recent, total] = await Promise.all([
    db.flow.findMany({
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { draftUpdatedAt: "desc" }],
      select: {
        id: true,
        name: true,
        slug: true,
        draft: true,
        draftUpdatedAt: true,
        archivedAt: true,
        versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, documentHash: true } },
      },
    }),
    countConversationsByFlow({ createdAt: { gte: new Date(now.getTime() - WEEK_MS) } }),
    countConversationsByFlow({}),
  ]);
  return Promise.all(flows.map(async (flow) => {
    const latest = flow.versions[0];
    return {
      id: flow.id,
      name: flow.name,
      slug: flow.slug,
      published: latest?.number ?? null,
      unpublishedChanges: latest ? await draftDiffersFromVersion(readDraft(flow.draft), latest) : false,
      editedAt: flow.draftUpdatedAt.toISOString(),
      archived: flow.archivedAt !== null,
      conversations7d: recent.get(flow.id) ?? 0,
      conversationsTotal: total.get(flow.id) ?? 0,
    };
  }));
}

async function countConversationsByFlow(where: { createdAt?: { gte: Date } }): Promise<Map<string, number>> {
  const rows = await db.conversation.groupBy({ by: ["flowId"], where: { ...where, channel: REAL_CHANNEL }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.flowId, row._count._all]));
}

async function freeSlug(name: string): Promise<string> {
  const base = slugifyFlowName(name);
  const taken = new Set((await db.flow.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((flow) => flow.slug));
  return pickFreeSlug(base, (slug) => taken.has(slug));
}

async function insertFlow(document: FlowDocument): Promise<string> {
  const flow = await db.flow.create({
    data: { slug: document.slug, name: document.name, draft: stringifyFlowDocument(document) },
    select: { id: true },
  });
  return flow.id;
}

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

export async function createFlow(input: { name: string; starter?: string }): Promise<Outcome<{ id: string }>> {
  const slug = await freeSlug(input.name);
  if (input.starter) {
    const starter = getStarterFlow(input.starter);
    if (!starter) return { ok: false, field: "starter", message: "That starter flow is not available any more." };
    return { ok: true, id: await insertFlow({ ...starter.document, name: input.name, slug }) };
  }
  const teams = await listTeamSlugs();
  const team = teams.includes(DEFAULT_TEAM) ? DEFAULT_TEAM : (teams.sort()[0] ?? DEFAULT_TEAM);
  return { ok: true, id: await insertFlow(createBlankDocument({ name: input.name, slug, team })) };
}

async function findFlow(id: string) {
  return db.flow.findUnique({ where: { id }, select: { id: true, name: true, slug: true, draft: true, archivedAt: true } });
}

export async function duplicateFlow(id: string): Promise<Outcome<{ id: string; name: string }>> {
  const flow = await findFlow(id);
  const document = flow && readDraft(flow.draft);
  if (!flow || !document) return { ok: false, message: "That flow no longer exists." };
  const name = `${flow.name} (copy)`.slice(0, 200);
  const copy = { ...document, name, slug: await freeSlug(`${flow.slug}-copy`) };
  delete copy.id;
  return { ok: true, id: await insertFlow(copy), name };
}

/** Renames the flow and its draft; the draft's revision moves on, so an open editor sees the change. */
export async function renameFlow(id: string, name: string): Promise<Outcome> {
  const flow = await findFlow(id);
  const document = flow && readDraft(flow.draft);
  if (!flow || !document) return { ok: false, message: "That flow no longer exists." };
  await db.flow.update({ where: { id }, data: { name, draft: stringifyFlowDocument({ ...document, name }), draftUpdatedAt: new Date() }, select: { id: true } });
  return { ok: true };
}

/**
 * Deletes a flow nobody has talked to. A flow with customer conversations is archived instead:
 * its chat page stops taking new conversations, while transcripts, the inbox and analytics
 * keep everything (deleting would cascade to them).
 */
export async function removeFlow(id: string): Promise<Outcome<{ result: "deleted" | "archived" }>> {
  const flow = await findFlow(id);
  if (!flow) return { ok: false, message: "That flow no longer exists." };
  const conversations = await countCustomerConversations(id);
  if (conversations > 0) {
    await db.flow.update({ where: { id }, data: { archivedAt: flow.archivedAt ?? new Date() }, select: { id: true } });
    // Effective at once on this instance (others see it within the cache's few seconds).
    forgetLatestVersions();
    return { ok: true, result: "archived" };
  }
  await db.flow.delete({ where: { id }, select: { id: true } });
  return { ok: true, result: "deleted" };
}

export function countCustomerConversations(flowId: string): Promise<number> {
  return db.conversation.count({ where: { flowId, channel: REAL_CHANNEL } });
}

export async function restoreFlow(id: string): Promise<Outcome> {
  const { count } = await db.flow.updateMany({ where: { id }, data: { archivedAt: null } });
  forgetLatestVersions();
  return count === 1 ? { ok: true } : { ok: false, message: "That flow no longer exists." };
}

/** What a file would replace: shown to the admin before anything is written. */
export type ImportConflict = { id: string; name: string; draftSteps: number; fileSteps: number; unpublishedChanges: boolean; published: number | null };
/** How to import a file whose slug is already a flow's: replace that draft, or add it as a new flow. */
export type ImportChoice = "replace" | "copy";

export type ImportOutcome =
  | { ok: true; id: string; name: string; replaced: boolean; warnings: FlowProblem[] }
  | { ok: false; errors: FlowProblem[] }
  | { ok: false; conflict: ImportConflict };

/**
 * Imports a flow file the way `npm run flows -- import` does: every problem is reported at
 * once and nothing is written unless the whole document is valid. A file whose slug is taken
 * is not written until the admin chooses (`choice`): "replace" swaps that flow's draft (the round
 * trip of export → edit → import), "copy" adds it as a new flow beside it. Without a choice the
 * outcome is the conflict, because the draft may hold a day's unpublished work.
 * Published versions are never touched: publishing stays a separate step.
 */
export async function importFlow(text: string, choice?: ImportChoice): Promise<ImportOutcome> {
  const tooBig = checkFlowJsonBytes(utf8Bytes(text));
  if (tooBig) return { ok: false, errors: [{ severity: "error", code: "too-big", ...tooBig }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ severity: "error", code: "invalid-json", message: `The file is not valid JSON: ${(error as Error).message}` }] };
  }
  const validated = validateFlow(json, await listTeamSlugs());
  if (!validated.ok) return validated;
  const document = validated.document;
  const existing = await db.flow.findUnique({
    where: { slug: document.slug },
    select: { id: true, name: true, draft: true, versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, documentHash: true } } },
  });
  if (existing && !choice) {
    const draft = readDraft(existing.draft);
    const latest = existing.versions[0];
    return {
      ok: false,
      conflict: {
        id: existing.id,
        name: existing.name,
        draftSteps: draft?.nodes.length ?? 0,
        fileSteps: document.nodes.length,
        unpublishedChanges: latest ? await draftDiffersFromVersion(draft, latest) : true,
        published: latest?.number ?? null,
      },
    };
  }
  if (existing && choice === "copy") {
    const name = `${document.name} (imported)`.slice(0, 200);
    const copy = { ...document, name, slug: await freeSlug(`${document.slug}-imported`) };
    delete copy.id;
    return { ok: true, id: await insertFlow(copy), name, replaced: false, warnings: validated.warnings };
  }
  const id = await saveFlowDraft(db, document);
  return { ok: true, id, name: document.name, replaced: existing !== null, warnings: validated.warnings };
}
