/**
 * Flow size limits at every door (import, save, publish) with a clear error and nothing written,
 * and the once-per-version cost: publishing compiles the version, so conversations never do.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FLOW_LIMITS } from "~/flow";
import { getFlowEditor, publishDraft } from "~/flow-admin/editor.server";
import { createFlow, importFlow } from "~/flow-admin/flows.server";
import * as draftRoute from "~/routes/flows.$id.draft";
import { compiledVersionCacheSize, publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { seedAndFind, sessionCookieFor, settle } from "../support/auth";
import { seedTeams } from "../support/chat-api";
import { generateLargeFlow } from "../support/large-flow";

let adminId: string;
let adminCookie: string;

beforeAll(async () => {
  await seedTeams();
  adminId = (await seedAndFind("admin@baton.local")).id;
  adminCookie = await sessionCookieFor(adminId);
});

const tooManySteps = () => ({ ...generateLargeFlow(FLOW_LIMITS.steps + 1), slug: "too-big", name: "Too big" });
const STEPS_MESSAGE = "This flow has 1,001 steps; a flow can have at most 1,000. Split it into smaller flows.";

async function counts() {
  const [flows, versions] = await Promise.all([db.flow.count(), db.flowVersion.count()]);
  return { flows, versions };
}

describe("flow size limits", () => {
  it("refuse an import over the limits, writing nothing", async () => {
    const before = await counts();
    expect(await importFlow(JSON.stringify(tooManySteps()))).toEqual({ ok: false, errors: [{ severity: "error", code: "too-big", path: "nodes", message: STEPS_MESSAGE }] });
    const huge = `{"padding": "${"x".repeat(FLOW_LIMITS.jsonBytes)}"}`;
    expect(await importFlow(huge)).toMatchObject({ ok: false, errors: [{ code: "too-big", message: expect.stringMatching(/at most 2,000 kB/) }] });
    expect(await counts()).toEqual(before);
  });

  it("refuse to save a draft over the limits, keeping the stored draft", async () => {
    const created = await createFlow({ name: "Saved small" });
    if (!created.ok) throw new Error(created.message);
    const { revision, document } = (await getFlowEditor(created.id))!;
    const request = new Request(`http://baton.test/flows/${created.id}/draft`, {
      method: "POST",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ baseRevision: revision, document: { ...tooManySteps(), slug: document.slug } }),
    });
    const response = (await settle(() => draftRoute.action({ request, params: { id: created.id }, context: {} }))) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_document", message: STEPS_MESSAGE } });
    expect((await getFlowEditor(created.id))!.document).toEqual(document);
  });

  it("refuse to publish a draft over the limits (one stored before they existed), writing no version", async () => {
    const created = await createFlow({ name: "Legacy giant" });
    if (!created.ok) throw new Error(created.message);
    const stored = await db.flow.update({ where: { id: created.id }, data: { draft: JSON.stringify({ ...tooManySteps(), slug: "legacy-giant" }) }, select: { draftUpdatedAt: true } });
    const before = await counts();
    const outcome = await publishDraft(created.id, stored.draftUpdatedAt.getTime(), adminId);
    expect(outcome).toEqual({ ok: false, reason: "invalid", errors: [{ severity: "error", code: "too-big", path: "nodes", message: STEPS_MESSAGE }] });
    expect(await counts()).toEqual(before);
  });

  it("compile a version when it is published, so no conversation pays for it", async () => {
    const cached = compiledVersionCacheSize();
    const published = await publishFlow({ ...generateLargeFlow(200), slug: "compiled-at-publish", name: "Compiled at publish" });
    expect(published.ok).toBe(true);
    expect(compiledVersionCacheSize()).toBe(cached + 1);
  });
});
