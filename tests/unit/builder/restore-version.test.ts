/**
 * Restoring a published version as the draft takes its content and keeps the flow's current name
 * and slug: names are metadata, not published, so a restore must not undo a later rename.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renameDocument, restoreVersionAsDraft } from "~/builder/document-ops";
import { parseFlowDocument } from "~/flow/parse";
import type { FlowDocument } from "~/flow/document";

function loadStarter(): FlowDocument {
  const text = fs.readFileSync(path.resolve(__dirname, "../../../flows/store-support.json"), "utf8");
  const parsed = parseFlowDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error("starter flow does not parse");
  return parsed.document;
}

describe("restoreVersionAsDraft", () => {
  it("takes the version's steps, wiring and settings but keeps the draft's current name and slug", () => {
    const published = loadStarter();
    const renamed = renameDocument({ ...published, nodes: published.nodes.slice(0, 2), slug: "shop-help" }, "Shop help (renamed)");
    const restored = restoreVersionAsDraft(renamed, published);
    expect(restored.name).toBe("Shop help (renamed)");
    expect(restored.slug).toBe("shop-help");
    expect(restored.nodes).toEqual(published.nodes);
    expect(restored.edges).toEqual(published.edges);
    expect(restored.settings).toEqual(published.settings);
  });
});
