/**
 * A flow's name is metadata, not content: renaming a published flow shows the new name everywhere
 * at once and does not mark it "Unpublished changes"; a change to a step, the wiring or a setting
 * the runtime reads still does (app/flow-admin/draft-changes.server.ts).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getPublishedFlow } from "~/chat/chat-page.server";
import { getFlowEditor, listVersions, publishDraft, saveDraft } from "~/flow-admin/editor.server";
import { createFlow, listFlows, renameFlow } from "~/flow-admin/flows.server";
import { db } from "~/utils/db.server";
import { seedAndFind } from "../support/auth";

let adminId: string;

beforeAll(async () => {
  adminId = (await seedAndFind("admin@baton.local")).id;
});

async function publishedStarter(name: string) {
  const created = await createFlow({ name, starter: "store-support" });
  if (!created.ok) throw new Error(created.message);
  const published = await publishDraft(created.id, (await getFlowEditor(created.id))!.revision, adminId);
  expect(published).toMatchObject({ ok: true, number: 1 });
  return created.id;
}

const listed = async (id: string) => (await listFlows()).find((flow) => flow.id === id);

describe("renaming a published flow", () => {
  it("from the flows list: the new name everywhere, no unpublished changes, no new version", async () => {
    const id = await publishedStarter("Shop help");
    expect(await listed(id)).toMatchObject({ name: "Shop help", published: 1, unpublishedChanges: false });

    expect(await renameFlow(id, "Shop help desk")).toEqual({ ok: true });
    expect(await listed(id)).toMatchObject({ name: "Shop help desk", published: 1, unpublishedChanges: false });
    const editor = (await getFlowEditor(id))!;
    expect(editor).toMatchObject({ flow: { name: "Shop help desk" }, document: { name: "Shop help desk" }, unpublishedChanges: false });
    expect(await getPublishedFlow(editor.flow.slug)).toMatchObject({ name: "Shop help desk" });
    expect(await listVersions(id)).toMatchObject([{ number: 1, current: true, matchesDraft: true }]);
    expect(await db.flowVersion.count({ where: { flowId: id, number: { not: null } } })).toBe(1);
  });

  it("from the editor (autosave): a name-only save reports no unpublished changes; a step's text, the wiring or a setting does", async () => {
    const id = await publishedStarter("Returns help");
    const editor = (await getFlowEditor(id))!;
    const renamed = await saveDraft(id, editor.revision, { ...editor.document, name: "Returns & exchanges" });
    expect(renamed).toMatchObject({ ok: true, unpublishedChanges: false });
    expect(await listed(id)).toMatchObject({ name: "Returns & exchanges", unpublishedChanges: false });
    if (!renamed.ok) throw new Error("save refused");

    const edits = [
      { ...editor.document, nodes: editor.document.nodes.map((node) => (node.kind === "start" ? { ...node, data: { ...node.data, greeting: "Hello! How can we help?" } } : node)) },
      { ...editor.document, edges: editor.document.edges.slice(1) },
      { ...editor.document, settings: { ...editor.document.settings, repeatedFailure: { ...editor.document.settings.repeatedFailure, limit: editor.document.settings.repeatedFailure.limit + 1 } } },
    ];
    let revision = renamed.revision;
    for (const edited of edits) {
      const saved = await saveDraft(id, revision, { ...edited, name: "Returns & exchanges" });
      expect(saved).toMatchObject({ ok: true, unpublishedChanges: true });
      expect(await listed(id)).toMatchObject({ unpublishedChanges: true });
      if (!saved.ok) throw new Error("save refused");
      // Back to the published content under the new name: nothing left to publish.
      const undone = await saveDraft(id, saved.revision, { ...editor.document, name: "Returns & exchanges" });
      expect(undone).toMatchObject({ ok: true, unpublishedChanges: false });
      if (!undone.ok) throw new Error("save refused");
      revision = undone.revision;
    }
  });

  it("reads the published document once: later autosaves and the flows list compare its remembered content hash", async () => {
    const id = await publishedStarter("Orders help");
    const version = await db.flowVersion.findFirstOrThrow({ where: { flowId: id, number: 1 }, select: { id: true } });
    const readsOf = (calls: unknown[][]) => calls.filter(([args]) => JSON.stringify(args).includes(version.id) && JSON.stringify(args).includes('"document":true')).length;
    const findMany = vi.spyOn(db.flowVersion, "findMany");
    const findUnique = vi.spyOn(db.flowVersion, "findUnique");
    const findFirst = vi.spyOn(db.flowVersion, "findFirst");
    try {
      const editor = (await getFlowEditor(id))!;
      let revision = editor.revision;
      for (const name of ["Orders", "Orders & delivery", "Orders, delivery & returns"]) {
        const saved = await saveDraft(id, revision, { ...editor.document, name });
        expect(saved).toMatchObject({ ok: true, unpublishedChanges: false });
        if (!saved.ok) throw new Error("save refused");
        revision = saved.revision;
        expect(await listed(id)).toMatchObject({ name, unpublishedChanges: false });
      }
      const edited = await saveDraft(id, revision, { ...editor.document, name: "Orders", edges: editor.document.edges.slice(1) });
      expect(edited).toMatchObject({ ok: true, unpublishedChanges: true });
      expect(await listed(id)).toMatchObject({ unpublishedChanges: true });
      expect(readsOf(findMany.mock.calls) + readsOf(findUnique.mock.calls) + readsOf(findFirst.mock.calls)).toBe(1);
    } finally {
      findMany.mockRestore();
      findUnique.mockRestore();
      findFirst.mockRestore();
    }
  });
});
