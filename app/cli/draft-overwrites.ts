/**
 * Which flows an import would overwrite: a file whose slug is an existing flow's replaces that
 * flow's draft, and the draft may hold unpublished work done in the editor since the last
 * export. `flows import` refuses those unless told `--replace` (the /flows page asks instead).
 * A draft that already equals the file loses nothing, and with --publish a document some
 * version already has is skipped (nothing is written), so neither counts.
 */
import type { FlowDocument } from "~/flow";
import { readDraft } from "~/flow-admin/flows.server";
import { hashFlowDocument } from "~/flow/hash.server";
import { db } from "~/utils/db.server";

export type DraftOverwrite = { slug: string; name: string; draftSteps: number; fileSteps: number };

export async function findDraftOverwrites(documents: readonly FlowDocument[], publish: boolean): Promise<DraftOverwrite[]> {
  const flows = await db.flow.findMany({
    where: { slug: { in: documents.map((document) => document.slug) } },
    select: { slug: true, name: true, draft: true, versions: { where: { number: { not: null } }, select: { documentHash: true } } },
  });
  const bySlug = new Map(flows.map((flow) => [flow.slug, flow]));
  return documents.flatMap((document) => {
    const flow = bySlug.get(document.slug);
    if (!flow) return [];
    const hash = hashFlowDocument(document);
    const draft = readDraft(flow.draft);
    if (draft && hashFlowDocument(draft) === hash) return [];
    if (publish && flow.versions.some((version) => version.documentHash === hash)) return [];
    return [{ slug: flow.slug, name: flow.name, draftSteps: draft?.nodes.length ?? 0, fileSteps: document.nodes.length }];
  });
}

export function describeDraftOverwrite(overwrite: DraftOverwrite): string {
  return `${overwrite.slug}: would replace the draft of "${overwrite.name}" (${overwrite.draftSteps} steps) with this file's ${overwrite.fileSteps} steps, losing any unsaved or unpublished edits made since`;
}
