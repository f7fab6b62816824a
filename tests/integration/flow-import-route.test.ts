/**
 * Importing a flow file on /flows through the route's action: a file whose flow exists answers
 * 409 with the question — with the file's text only for the no-JavaScript Upload button, so that
 * page can post the answer back ("import-choice") — a copy, or the replacement — and a bad answer
 * is refused with a message the page shows.
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

function upload(text: string, cookie: string, options: { noscript?: boolean } = {}) {
  const body = new FormData();
  body.append("intent", "import");
  if (options.noscript) body.append("noscript", "1");
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

  it("answers 409 with the question, the file's text only to the no-JavaScript Upload, and writes nothing", async () => {
    const flowsBefore = await db.flow.count();
    const answer = unwrap(await flowsRoute.action(args(upload(changed, admin))));
    expect(answer.status).toBe(409);
    expect(answer.data.importConflict).toMatchObject({ name: "Import route test", filename: "import-route-test.json", unpublishedChanges: true, published: null });
    // The dialog (JavaScript) resubmits the picked file: up to 2 MB of text back would be waste.
    expect(answer.data.importConflict).not.toHaveProperty("fileText");

    const withoutJs = unwrap(await flowsRoute.action(args(upload(changed, admin, { noscript: true }))));
    expect(withoutJs.status).toBe(409);
    expect(withoutJs.data.importConflict).toMatchObject({ name: "Import route test", filename: "import-route-test.json", fileText: changed });
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

    // No choice, or a file that is not a flow, is refused and writes nothing. The hidden fields have
    // no error line of their own on the page: their problem is the form's message.
    const noChoice = unwrap(await answer(""));
    expect(noChoice).toMatchObject({ status: 400, data: { ok: false, intent: "import-choice", fieldErrors: {} } });
    expect(noChoice.data.formError).toEqual(expect.any(String));
    // The 2 MB limit counts bytes, as for a picked file: 1.5 million "é" are 3 MB.
    const tooLarge = unwrap(await answer("replace", "é".repeat(1_500_000)));
    expect(tooLarge).toMatchObject({ status: 400, data: { formError: "The file is larger than 2 MB: that is not a flow document", fieldErrors: {} } });
    const broken = unwrap(await answer("replace", "{ not json"));
    expect(broken.status).toBe(400);
    expect(broken.data.importProblems).toMatchObject({ filename: "import-route-test.json" });
    expect(await draftName("import-route-test")).toBe("Import route test, edited");
  });
});
