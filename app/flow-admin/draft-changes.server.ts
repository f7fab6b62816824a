/**
 * Whether a flow's draft has "unpublished changes": a difference a customer would meet. Content
 * is everything the runtime and the editor's published version carry — the steps (with their
 * settings and canvas places), the wiring and the flow's settings. The flow's NAME is metadata:
 * the flows list, the editor, the inbox and analytics read the Flow row's live name and the
 * runtime never reads it, so a rename needs no publish and must not raise the badge.
 *
 * Published versions store the SHA-256 of their whole document (`documentHash`, also the key the
 * seed and previews use to find an identical version), so the comparison first tries that hash
 * (equal: nothing changed, nothing read) and only on a difference reads the version's document
 * to compare the content alone. A version never changes, so its content hash is worked out once
 * per process and kept in a small LRU keyed by version id: after a rename, every autosave and
 * every row of the flows list would otherwise read, parse and re-hash the whole published document.
 */
import { parseFlowDocument, type FlowDocument } from "~/flow";
import { hashFlowDocument } from "~/flow/hash.server";
import { db } from "~/utils/db.server";
import { LruCache } from "~/utils/lru";

/** A draft column or version document read back; null when it no longer parses. */
function readDocument(json: string): FlowDocument | null {
  try {
    const parsed = parseFlowDocument(JSON.parse(json));
    return parsed.ok ? parsed.document : null;
  } catch {
    return null;
  }
}

// Any valid name: the documents compared for content all carry this one.
const CONTENT_ONLY_NAME = "content";

/** The hash of a document without its metadata (the name). */
export function hashFlowContent(document: FlowDocument): string {
  return hashFlowDocument({ ...document, name: CONTENT_ONLY_NAME });
}

export type PublishedVersionRef = { id: string; documentHash: string };

// Version id → its content hash (null: the stored document no longer parses). 64-char strings:
// a thousand of them is well under a megabyte, and more versions than that are rarely compared.
const versionContentHashes = new LruCache<string, string | null>(1_000);

/** The content hashes of these versions, from the cache or one read of the missing ones; a deleted version is absent. */
async function contentHashesOf(versionIds: readonly string[]): Promise<Map<string, string | null>> {
  const hashes = new Map<string, string | null>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const cached = versionContentHashes.get(id);
    if (cached === undefined) missing.push(id);
    else hashes.set(id, cached);
  }
  if (missing.length === 0) return hashes;
  const rows = await db.flowVersion.findMany({ where: { id: { in: missing } }, select: { id: true, document: true } });
  for (const row of rows) {
    const published = readDocument(row.document);
    const hash = published ? hashFlowContent(published) : null;
    versionContentHashes.set(row.id, hash);
    hashes.set(row.id, hash);
  }
  return hashes;
}

/** Null draft: unreadable, which always counts as changed. */
export async function draftDiffersFromVersion(draft: FlowDocument | null, version: PublishedVersionRef): Promise<boolean> {
  if (!draft) return true;
  if (hashFlowDocument(draft) === version.documentHash) return false;
  const published = (await contentHashesOf([version.id])).get(version.id);
  return !published || published !== hashFlowContent(draft);
}

/** For a list of versions at once (the versions dialog): the ids whose content equals the draft's. */
export async function listVersionsMatchingDraft(draft: FlowDocument | null, versions: readonly PublishedVersionRef[]): Promise<Set<string>> {
  if (!draft) return new Set();
  const fullHash = hashFlowDocument(draft);
  const matching = new Set(versions.filter((version) => version.documentHash === fullHash).map((version) => version.id));
  const others = versions.filter((version) => !matching.has(version.id)).map((version) => version.id);
  if (others.length === 0) return matching;
  const contentHash = hashFlowContent(draft);
  for (const [id, published] of await contentHashesOf(others)) {
    if (published === contentHash) matching.add(id);
  }
  return matching;
}
