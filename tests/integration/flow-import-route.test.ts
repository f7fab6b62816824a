/**
 * Importing a flow file on /flows through the route's action: a file whose flow exists answers
 * 409 with the question and the file's text, so the page asked without JavaScript can post the
 * answer back ("import-choice") — a copy, or the replacement — and a bad answer is refused.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as flowsRoute from "~/routes/_app.flows._index";
import { db } from "~/utils/db.server";
import { BASE, formRequest, seedAndFind, sessionCookieFor, unwrap } from "../support/auth";

let admin: string;
const args = (request: Request) => ({ request, params: {}, context: {} });

const starter = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../flows/order-status.json"), "utf8"));
const fileText = JSON.stringify({ ...starter, slug: "import-route-test", name: "Import route test" });

function upload(text: string, cookie: string) {
  const body = new FormData();
  body.append("intent", "import");
  body.append("file", new File([text], "import-route-test.json", { type: "application/json" }));
  return new Request(`${BASE}/flows`, { method: "POST", body, headers: { cookie } });
}

const draftName = async (slug: string) => JSON.parse((await db.flow.findUniqueOrThrow({ where: { slug }, select: { draft: true } })).draft).name as string;

beforeAll(async () => {
  admin = await sessionCookieFor((await seedAndFind("admin@baton.local")).id);
  expect(unwrap(await flowsRoute.action(args(upload(fileText, admin)))).status).toBe(200);
});

describe("a file whose flow already exists", () => {
  const changed = JSON.stringify({ ...JSON.parse(fileText), name: "Import route test, edited" });

  it("answers 409 with the question and the file, and writes nothing", async () => {
    const flowsBefore = await db.flow.count();
    const answer = unwrap(await flowsRoute.action(args(upload(changed, admin))));
    expect(answer.status).toBe(409);
    expect(answer.data.importConflict).toMatchObject({ name: "Import route test", filename: "import-route-test.json", fileText: changed, unpublishedChanges: true, published: null });
    expect(await db.flow.count()).toBe(flowsBefore);
    expect(await draftName("import-route-test")).toBe("Import route test");
  });

  it("takes the answer posted back from the page without JavaScript: a copy, then the replacement", async () => {
    const answer = (choice: string, text = changed) => flowsRoute.action(args(formRequest("/flows", { intent: "import-choice", filename: "import-route-test.json", fileText: text, choice }, admin)));
    const copy = unwrap(await answer("copy"));
    expect(copy).toMatchObject({ status: 200, data: { ok: true, notice: "Imported Import route test, edited (imported) as a new draft. Publish it from the editor to make it live." } });
    expect(await draftName("import-route-test")).toBe("Import route test");
    expect(await draftName("import-route-test-imported")).toBe("Import route test, edited (imported)");

    const replaced = unwrap(await answer("replace"));
    expect(replaced).toMatchObject({ status: 200, data: { ok: true, notice: "Replaced the draft of Import route test, edited with import-route-test.json. Publish it from the editor to make it live." } });
    expect(await draftName("import-route-test")).toBe("Import route test, edited");

    // No choice, or a file that is not a flow, is refused and writes nothing.
    expect(unwrap(await answer("")).status).toBe(400);
    const broken = unwrap(await answer("replace", "{ not json"));
    expect(broken.status).toBe(400);
    expect(broken.data.importProblems).toMatchObject({ filename: "import-route-test.json" });
    expect(await draftName("import-route-test")).toBe("Import route test, edited");
  });
});
