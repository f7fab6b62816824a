/**
 * Documents for new flows (client-safe): a blank flow routes every global trigger to the
 * workspace's first team, so it is valid the moment it is created and only lacks its steps.
 */
import type { FlowDocument, FlowSettings } from "~/flow/document";
import { slugify } from "~/workspace/schemas";

export const DEFAULT_SENSITIVE_TERMS = ["chargeback", "lawyer", "attorney", "cancel my account", "fraud"];

export function createDefaultSettings(team: string): FlowSettings {
  return {
    defaultTeam: team,
    locale: "en",
    humanRequest: { enabled: true, team, priority: "normal" },
    repeatedFailure: { enabled: true, limit: 2, team, priority: "normal" },
    sensitive: { enabled: true, terms: DEFAULT_SENSITIVE_TERMS, team, priority: "high" },
  };
}

export function createBlankDocument(input: { name: string; slug: string; team: string }): FlowDocument {
  return { schemaVersion: 1, name: input.name, slug: input.slug, settings: createDefaultSettings(input.team), nodes: [], edges: [] };
}

/** "Store support" → "store-support"; a name without letters or digits gives "flow". */
export function slugifyFlowName(name: string): string {
  return slugify(name) || "flow";
}

/** `base`, else `base-2`, `base-3`… — the first one `isTaken` refuses. */
export function pickFreeSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
