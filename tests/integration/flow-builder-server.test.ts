/**
 * The builder's server side on the real database: flow management for /flows, the draft's
 * revision guard, publishing, preview runs of drafts, and the admin-only resource routes.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFlowDocument, stringifyFlowDocument, type FlowDocument } from "~/flow";
import { getFlowEditor, listVersions, publishDraft, saveDraft } from "~/flow-admin/editor.server";
import { createFlow, duplicateFlow, importFlow, listFlows, removeFlow, renameFlow, restoreFlow } from "~/flow-admin/flows.server";
import { readPreviewState, startPreview } from "~/flow-admin/preview.server";
import * as draftRoute from "~/routes/flows.$id.draft";
import * as exportRoute from "~/routes/flows.$id.export";
import * as intentTestRoute from "~/routes/flows.$id.intent-test";
import { getLatestPublishedVersion, forgetLatestVersions } from "~/runtime/flow-versions.server";
import { handleCustomerMessage } from "~/runtime/turn.server";
import { db } from "~/utils/db.server";
import { seedAndFind, sessionCookieFor, settle } from "../support/auth";
import { createConversation } from "~/runtime/conversations.server";
import { removeTeam } from "~/workspace/teams.server";

const starterText = fs.readFileSync(path.resolve(__dirname, "../../flows/store-support.json"), "utf8");
let adminId: string;
let adminCookie: string;
let agentCookie: string;

beforeAll(async () => {
  adminId = (await seedAndFind("admin@baton.local")).id;
  adminCookie = await sessionCookieFor(adminId);
  agentCookie = await sessionCookieFor((await seedAndFind("ana@baton.local")).id);
});

async function draftOf(flowId: string): Promise<FlowDocument> {
  const editor = await getFlowEditor(flowId);
  if (!editor) throw new Error("no such flow");
  return editor.document;
}

async function newStarterFlow(name: string) {
  const created = await createFlow({ name, starter: "store-support" });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

describe("creating and managing flows", () => {
  it("creates a blank flow routed to the support team, and a copy of a starter with a free slug", async () => {
    const blank = await createFlow({ name: "Returns & exchanges" });
    expect(blank.ok).toBe(true);
    const document = await draftOf(blank.ok ? blank.id : "");
    expect(document).toMatchObject({ name: "Returns & exchanges", slug: "returns-exchanges", nodes: [], edges: [], settings: { defaultTeam: "support", sensitive: { team: "support", priority: "high" } } });

    const copy = await createFlow({ name: "Store support", starter: "store-support" });
    const again = await createFlow({ name: "Store support", starter: "store-support" });
    expect([copy.ok && (await draftOf(copy.id)).slug, again.ok && (await draftOf(again.id)).slug]).toEqual(["store-support", "store-support-2"]);
    expect(await createFlow({ name: "Nope", starter: "no-such-starter" })).toEqual({ ok: false, field: "starter", message: "That starter flow is not available any more." });
  });

  it("duplicates as an unpublished copy, renames the draft too, and moves the revision on", async () => {
    const id = await newStarterFlow("Original");
    const before = (await getFlowEditor(id))!.revision;
    const copy = await duplicateFlow(id);
    expect(copy).toMatchObject({ ok: true, name: "Original (copy)" });
    const copyDraft = await draftOf(copy.ok ? copy.id : "");
    expect(copyDraft.slug).toBe("original-copy");
    expect(copyDraft.nodes).toEqual((await draftOf(id)).nodes);

    expect(await renameFlow(id, "Renamed")).toEqual({ ok: true });
    const renamed = (await getFlowEditor(id))!;
    expect(renamed.document.name).toBe("Renamed");
    expect(renamed.flow.name).toBe("Renamed");
    expect(renamed.revision).toBeGreaterThan(before);
  });

  it("deletes a flow nobody talked to, and archives one with customer conversations (its chat page stops)", async () => {
    const unused = await newStarterFlow("Unused");
    expect(await removeFlow(unused)).toEqual({ ok: true, result: "deleted" });
    expect(await db.flow.count({ where: { id: unused } })).toBe(0);

    const used = await newStarterFlow("Used");
    const published = await publishDraft(used, (await getFlowEditor(used))!.revision, adminId);
    expect(published).toMatchObject({ ok: true, number: 1 });
    const slug = (await draftOf(used)).slug;
    await createConversation({ slug, channel: "web" });
    expect(await getLatestPublishedVersion(slug)).not.toBeNull();
    expect(await removeFlow(used)).toEqual({ ok: true, result: "archived" });
    expect(await getLatestPublishedVersion(slug)).toBeNull();
    expect(await db.conversation.count({ where: { flowId: used } })).toBe(1);
    expect((await listFlows()).find((flow) => flow.id === used)).toMatchObject({ archived: true, published: 1, conversations7d: 1, conversationsTotal: 1 });
    expect(await publishDraft(used, (await getFlowEditor(used))!.revision, adminId)).toMatchObject({ ok: false, reason: "archived" });

    expect(await restoreFlow(used)).toEqual({ ok: true });
    expect(await getLatestPublishedVersion(slug)).not.toBeNull();
  });

  it("imports a valid file as a new draft or over the draft with its slug, and nothing from a bad one", async () => {
    const flows = await db.flow.count();
    const bad = JSON.parse(starterText);
    bad.slug = "bad-import";
    bad.nodes[0].data.greting = "typo";
    bad.edges[0].target = "nowhere";
    const refused = await importFlow(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    expect(refused.ok || !("errors" in refused) ? [] : refused.errors.map((error) => [error.nodeId, error.field, error.message])).toEqual([["start", "greting", 'Unknown field "greting".']]);
    expect(await importFlow("{ not json")).toMatchObject({ ok: false, errors: [{ code: "invalid-json" }] });
    expect(await db.flow.count()).toBe(flows);

    const fresh = JSON.parse(starterText);
    fresh.slug = "imported-flow";
    const created = await importFlow(JSON.stringify(fresh));
    expect(created).toMatchObject({ ok: true, replaced: false });
    fresh.name = "Imported again";
    const draftBefore = await db.flow.findUniqueOrThrow({ where: { slug: "imported-flow" }, select: { draft: true, name: true } });
    // Same slug without a choice: nothing is written, the admin is told what would be lost.
    const asked = await importFlow(JSON.stringify(fresh));
    expect(asked).toEqual({
      ok: false,
      conflict: { id: created.ok ? created.id : "", name: "Store support", draftSteps: fresh.nodes.length, fileSteps: fresh.nodes.length, unpublishedChanges: true, published: null },
    });
    expect(await db.flow.findUniqueOrThrow({ where: { slug: "imported-flow" }, select: { draft: true, name: true } })).toEqual(draftBefore);
    expect(await db.flow.count()).toBe(flows + 1);

    const copy = await importFlow(JSON.stringify(fresh), "copy");
    expect(copy).toMatchObject({ ok: true, replaced: false, name: "Imported again (imported)" });
    const copyRow = await db.flow.findUniqueOrThrow({ where: { id: copy.ok ? copy.id : "" }, select: { slug: true } });
    expect(copyRow.slug).toBe("imported-flow-imported");
    expect(await db.flow.findUniqueOrThrow({ where: { slug: "imported-flow" }, select: { draft: true, name: true } })).toEqual(draftBefore);

    const replaced = await importFlow(JSON.stringify(fresh), "replace");
    expect(replaced).toMatchObject({ ok: true, replaced: true, name: "Imported again" });
    expect(replaced.ok && created.ok && replaced.id === created.id).toBe(true);
  });
});

describe("the draft", () => {
  it("saves on the revision it was based on and refuses a save from a stale revision", async () => {
    const id = await newStarterFlow("Revisions");
    const { revision, document } = (await getFlowEditor(id))!;
    const first = await saveDraft(id, revision, { ...document, name: "First tab", slug: "changed-slug" });
    expect(first.ok).toBe(true);
    const second = await saveDraft(id, revision, { ...document, name: "Second tab" });
    expect(second).toEqual({ ok: false, reason: "conflict", revision: first.ok ? first.revision : 0 });
    const stored = (await getFlowEditor(id))!;
    expect(stored.document.name).toBe("First tab");
    // The slug is the chat page's address: a draft cannot change it.
    expect(stored.document.slug).toBe("revisions");
    expect(await saveDraft("missing", revision, document)).toEqual({ ok: false, reason: "not-found" });
    // The very same document again from the stale revision (a save repeated after a reload) is accepted as is.
    expect(await saveDraft(id, revision, { ...document, name: "First tab" })).toEqual({ ok: true, revision: first.ok ? first.revision : 0, unpublishedChanges: false });
  });

  it("publishes version N+1 from the saved draft, refuses a draft with errors, and lists who published when", async () => {
    const id = await newStarterFlow("Publishing");
    let editor = (await getFlowEditor(id))!;
    const v1 = await publishDraft(id, editor.revision, adminId);
    expect(v1).toMatchObject({ ok: true, number: 1 });
    expect(await publishDraft(id, editor.revision, adminId)).toMatchObject({ ok: false, reason: "conflict" });

    editor = (await getFlowEditor(id))!;
    const broken = { ...editor.document, edges: editor.document.edges.slice(1) };
    const saved = await saveDraft(id, v1.ok ? v1.revision : 0, broken);
    expect(saved).toMatchObject({ ok: true, unpublishedChanges: true });
    const refused = await publishDraft(id, saved.ok ? saved.revision : 0, adminId);
    expect(refused).toMatchObject({ ok: false, reason: "invalid", errors: [{ code: "unconnected-output", nodeId: "start", field: "next" }] });
    expect(await db.flowVersion.count({ where: { flowId: id, number: { not: null } } })).toBe(1);

    const fixed = await saveDraft(id, saved.ok ? saved.revision : 0, editor.document);
    expect(fixed).toMatchObject({ ok: true, unpublishedChanges: false });
    // A content change (a rename alone would leave v1 "Same as the draft": flow-rename.test.ts).
    const changed = await saveDraft(id, fixed.ok ? fixed.revision : 0, { ...editor.document, settings: { ...editor.document.settings, repeatedFailure: { ...editor.document.settings.repeatedFailure, limit: 3 } } });
    const v2 = await publishDraft(id, changed.ok ? changed.revision : 0, adminId);
    expect(v2).toMatchObject({ ok: true, number: 2 });
    const versions = await listVersions(id);
    expect(versions?.map((version) => [version.number, version.publishedBy, version.current, version.matchesDraft])).toEqual([
      [2, "Ada Admin", true, true],
      [1, "Ada Admin", false, false],
    ]);
  });
});

describe("preview runs", () => {
  it("runs the unpublished draft as a preview conversation that never counts as traffic, and cleans up after itself", async () => {
    const id = await newStarterFlow("Preview runs");
    const document = { ...(await draftOf(id)), nodes: (await draftOf(id)).nodes.map((node) => (node.kind === "start" ? { ...node, data: { greeting: "Draft greeting" } } : node)) } as FlowDocument;
    const first = await startPreview({ flowId: id, document });
    expect(first?.messages.map((message) => message.text)).toEqual(["Draft greeting"]);
    const row = await db.conversation.findUniqueOrThrow({ where: { id: first!.conversationId }, select: { channel: true, flowVersion: { select: { number: true } } } });
    expect(row).toEqual({ channel: "preview", flowVersion: { number: null } });
    // Nothing is published by a preview.
    forgetLatestVersions();
    expect(await getLatestPublishedVersion((await draftOf(id)).slug)).toBeNull();

    await handleCustomerMessage({ conversationId: first!.conversationId, clientMessageId: "p1", text: "where is my order? it has not arrived" });
    const state = await readPreviewState(id, first!.conversationId);
    expect(state).toMatchObject({ status: "bot", activeNodeId: "ask-order-id", intent: { name: "order_status" } });
    expect(state?.visitedNodeIds.slice(0, 2)).toEqual(["start", "topic"]);

    await handleCustomerMessage({ conversationId: first!.conversationId, clientMessageId: "p2", text: "I want to talk to a human" });
    expect(await readPreviewState(id, first!.conversationId)).toMatchObject({ status: "waiting", handoff: { team: "Support", trigger: "humanRequest" } });
    expect((await listFlows()).find((flow) => flow.id === id)).toMatchObject({ conversations7d: 0, conversationsTotal: 0 });
    // Only preview runs: nobody really talked to it, so it can be deleted.
    expect(await removeFlow(id)).toEqual({ ok: true, result: "deleted" });
  });

  it("replaces the previous run and drops preview versions no run uses", async () => {
    const id = await newStarterFlow("Preview cleanup");
    const document = await draftOf(id);
    const first = await startPreview({ flowId: id, document });
    const edited = { ...document, name: "Edited" };
    const second = await startPreview({ flowId: id, document: edited, previousConversationId: first!.conversationId });
    expect(await db.conversation.findMany({ where: { flowId: id }, select: { id: true } })).toEqual([{ id: second!.conversationId }]);
    expect(await db.flowVersion.count({ where: { flowId: id, number: null } })).toBe(1);
    expect(await readPreviewState(id, first!.conversationId)).toBeNull();
    // A customer conversation is never read as a preview.
    expect(await readPreviewState("another-flow", second!.conversationId)).toBeNull();
  });

  it("starts a preview of a draft with errors: the gap becomes a handoff the preview shows", async () => {
    const id = await newStarterFlow("Preview with gaps");
    const document = await draftOf(id);
    const started = await startPreview({ flowId: id, document: { ...document, edges: document.edges.filter((edge) => edge.source !== "start") } });
    expect(started?.status).toBe("waiting");
    expect(await readPreviewState(id, started!.conversationId)).toMatchObject({ handoff: { trigger: "error", reason: 'The flow has no next step after "Next"' } });
  });
});

describe("resource routes", () => {
  const call = (route: { action?: unknown; loader?: unknown }, kind: "action" | "loader", url: string, cookie: string, params: Record<string, string>, body?: unknown) => {
    const request = new Request(`http://baton.test${url}`, {
      method: kind === "action" ? "POST" : "GET",
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const handler = route[kind] as (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
    return settle(() => handler({ request, params, context: {} })) as Promise<Response>;
  };

  it("ranks a test phrase among the draft's intents for admins, answers greetings as the step does, and refuses agents", async () => {
    const intents = [
      { name: "track_order", examples: ["where is my order", "track my package", "has my order shipped", "when will my parcel arrive", "order status", "my delivery is late"] },
      { name: "refund", examples: ["I want a refund", "give me my money back", "refund my purchase", "how do I return an item", "can I get reimbursed", "send my money back"] },
    ];
    const ask = (cookie: string, body: unknown) => call(intentTestRoute, "action", "/flows/f/intent-test", cookie, { id: "f" }, body);
    const body = { nodeId: "topic", intents, threshold: 0.7, text: "has the thing I bought been sent out yet" };
    expect((await ask(agentCookie, body)).status).toBe(403);
    const ranked = await ask(adminCookie, body);
    expect(ranked.status).toBe(200);
    const result = (await ranked.json()) as { social: unknown; intent: string; ranked: { name: string; confidence: number }[] };
    expect(result).toMatchObject({ social: null, intent: "track_order" });
    expect(result.ranked.map((candidate) => candidate.name)).toEqual(["track_order", "refund"]);
    expect(result.ranked[0].confidence).toBeGreaterThanOrEqual(0.7);
    expect(await (await ask(adminCookie, { ...body, text: "hi there!" })).json()).toEqual({ social: "greeting", intent: null, ranked: [] });
    expect((await ask(adminCookie, { ...body, text: "  " })).status).toBe(400);
  });

  it("answers agents 403 and saves an admin's valid draft, refusing an invalid one with every error", async () => {
    const id = await newStarterFlow("Routes");
    const { revision, document } = (await getFlowEditor(id))!;
    expect((await call(draftRoute, "action", `/flows/${id}/draft`, agentCookie, { id }, { baseRevision: revision, document })).status).toBe(403);
    expect((await call(exportRoute, "loader", `/flows/${id}/export`, agentCookie, { id })).status).toBe(403);

    const invalid = await call(draftRoute, "action", `/flows/${id}/draft`, adminCookie, { id }, { baseRevision: revision, document: { ...document, nodes: [{ ...document.nodes[0], data: { greeting: 42 } }, { id: "x", kind: "nope" }] } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: unknown[] }).errors).toHaveLength(2);

    const saved = await call(draftRoute, "action", `/flows/${id}/draft`, adminCookie, { id }, { baseRevision: revision, document: { ...document, name: "Saved by route" } });
    expect(saved.status).toBe(200);
    const stale = await call(draftRoute, "action", `/flows/${id}/draft`, adminCookie, { id }, { baseRevision: revision, document });
    expect(stale.status).toBe(409);

    const exported = await call(exportRoute, "loader", `/flows/${id}/export`, adminCookie, { id });
    const text = await exported.text();
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="routes.json"');
    const parsed = parseFlowDocument(JSON.parse(text));
    expect(parsed.ok && stringifyFlowDocument(parsed.document)).toBe(text);
    expect(text).toContain('"name": "Saved by route"');
  });

  it("reads the stored draft with its revision for an admin who lost a save conflict, and only for an admin", async () => {
    const id = await newStarterFlow("Read back");
    const { revision, document } = (await getFlowEditor(id))!;
    const saved = await saveDraft(id, revision, { ...document, name: "Saved elsewhere" });
    if (!saved.ok) throw new Error("not saved");
    expect((await call(draftRoute, "loader", `/flows/${id}/draft`, agentCookie, { id })).status).toBe(403);
    const read = await call(draftRoute, "loader", `/flows/${id}/draft`, adminCookie, { id });
    expect(read.status).toBe(200);
    const body = (await read.json()) as { document: FlowDocument; revision: number };
    expect(body.revision).toBe(saved.revision);
    expect(body.document).toEqual({ ...document, name: "Saved elsewhere" });
    // Saving on the revision read back is no conflict.
    expect((await call(draftRoute, "action", `/flows/${id}/draft`, adminCookie, { id }, { baseRevision: body.revision, document: body.document })).status).toBe(200);
    expect((await call(draftRoute, "loader", "/flows/nope/draft", adminCookie, { id: "nope" })).status).toBe(404);
  });
});

describe("preview runs and teams", () => {
  it("never keep a team from being removed, though a preview hands off to it", async () => {
    const id = await newStarterFlow("Preview blocks nothing");
    const run = await startPreview({ flowId: id, document: await draftOf(id) });
    await handleCustomerMessage({ conversationId: run!.conversationId, clientMessageId: "t1", text: "I want to talk to a human" });
    const support = await db.team.findUniqueOrThrow({ where: { slug: "support" }, select: { id: true } });
    expect(await db.conversation.count({ where: { teamId: support.id, status: "waiting", channel: "preview" } })).toBeGreaterThan(0);
    expect(await removeTeam(db, support.id)).toEqual({ ok: true });
  });
});
