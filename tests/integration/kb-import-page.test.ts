/**
 * Importing from the admin page: a real multipart upload through the route's action, into the
 * same importer the CLI uses — all-or-nothing, problems by file name and line.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getKnowledgeIndex } from "~/engines/knowledge-store.server";
import { getArticle } from "~/kb/articles.server";
import { MAX_FILE_BYTES, MAX_UPLOAD_BYTES } from "~/kb/upload.server";
import * as importRoute from "~/routes/_app.kb.import";
import { db } from "~/utils/db.server";
import { BASE, settle, unwrap } from "../support/auth";
import { demoCookies, emptyKnowledgeBase } from "../support/kb";

const fixtures = path.resolve(__dirname, "../fixtures/kb");
let adminCookie: string;
let agentCookie: string;

type Upload = { name: string; content: string | Uint8Array<ArrayBuffer>; path?: string };

function fixture(relative: string, as = path.basename(relative)): Upload {
  return { name: as, content: fs.readFileSync(path.join(fixtures, relative), "utf8"), path: relative };
}

async function upload(files: Upload[], options: { cookie?: string; withPaths?: boolean } = {}) {
  const body = new FormData();
  for (const file of files) {
    body.append("files", new File([file.content], file.name));
    if (options.withPaths !== false) body.append("paths", file.path ?? file.name);
  }
  const request = new Request(`${BASE}/kb/import`, { method: "POST", body, headers: { cookie: options.cookie ?? adminCookie } });
  const result = await settle(() => importRoute.action({ request, params: {}, context: {} }));
  return result instanceof Response ? { status: result.status, data: {} as Record<string, unknown> } : unwrap(result);
}

beforeAll(async () => {
  ({ admin: adminCookie, agent: agentCookie } = await demoCookies());
});

beforeEach(emptyKnowledgeBase);

describe("importing from the admin page", () => {
  it("imports a folder of Markdown files, and the bot can answer from them at once", async () => {
    const result = await upload(["gift-wrapping.md", "store-hours.md", "winter-sale-preview.md"].map((name) => fixture(`good/${name}`)));
    expect(result).toMatchObject({ status: 200, data: { ok: true, created: ["gift-wrapping", "store-hours", "winter-sale-preview"], updated: [], skipped: [] } });
    expect(await getArticle("winter-sale-preview")).toMatchObject({ status: "draft" });
    const gift = await getArticle("gift-wrapping");
    expect((await getKnowledgeIndex()).query("how much is gift wrapping")[0]).toMatchObject({ id: gift!.id });
  });

  it("imports a CSV, and updates the articles on a second import", async () => {
    const first = await upload([fixture("articles.csv")]);
    expect(first.status).toBe(200);
    const created = first.data.created as string[];
    expect(created.length).toBeGreaterThan(0);
    expect(await upload([fixture("articles.csv")])).toMatchObject({ status: 200, data: { created: [], updated: created } });
  });

  it("imports nothing when one file of the folder is broken, and names the file (with its folder) and line", async () => {
    const files = ["gift-wrapping.md", "return-labels.md", "store-hours.md"].map((name) => fixture(`broken-yaml/${name}`, name));
    const result = await upload(files.map((file) => ({ ...file, path: `help-center/${file.name}` })));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, message: "1 problem found. Nothing was imported: fix the files and import them again." });
    expect(result.data.problems).toEqual([expect.stringMatching(/^help-center\/return-labels\.md:4: the front matter is not valid YAML/)]);
    expect(await db.article.count()).toBe(0);
  });

  it("names the CSV row's line, and falls back to the plain file name without the page's script", async () => {
    const result = await upload([fixture("bad-rows.csv")], { withPaths: false });
    expect(result.status).toBe(400);
    expect(result.data.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^bad-rows\.csv:5: title: the title is required/)]));
    expect(await db.article.count()).toBe(0);
  });

  it("skips files that are not .md or .csv and says which", async () => {
    const result = await upload([fixture("good/store-hours.md"), { name: "logo.png", content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }, { name: ".DS_Store", content: "x" }]);
    expect(result).toMatchObject({ status: 200, data: { ok: true, created: ["store-hours"], skipped: ["logo.png", ".DS_Store"] } });
  });

  it("refuses a file that is not UTF-8, an oversized file, and a duplicate slug — all at once, importing nothing", async () => {
    const latin1 = new Uint8Array([...Buffer.from("---\ntitle: Caf"), 0xe9, ...Buffer.from("\n---\nBody.\n")]);
    const result = await upload([
      fixture("good/store-hours.md"),
      { name: "cafe.md", content: latin1 },
      { name: "huge.md", content: `---\ntitle: Huge\n---\n${"x".repeat(MAX_FILE_BYTES)}` },
      { ...fixture("good/store-hours.md"), path: "copy/store-hours.md" },
    ]);
    expect(result.status).toBe(400);
    expect(result.data.problems).toEqual([
      expect.stringMatching(/^cafe\.md: the file is not UTF-8 text/),
      "huge.md: the file is larger than 5 MB",
      expect.stringMatching(/^copy\/store-hours\.md:1: slug "store-hours" is also used by good\/store-hours\.md:1/),
    ]);
    expect(await db.article.count()).toBe(0);
  });

  it("refuses an empty upload, an upload of only other files, and one over the size limit", async () => {
    expect(await upload([])).toMatchObject({ status: 400, data: { ok: false, message: "Choose a folder of Markdown files or a CSV file to import.", problems: [] } });
    expect(await upload([{ name: "notes.txt", content: "hello" }])).toMatchObject({ status: 400, data: { message: "None of the chosen files is a .md or .csv file." } });
    const big = Array.from({ length: 5 }, (_, index) => ({ name: `big-${index}.md`, content: "x".repeat(MAX_UPLOAD_BYTES / 4) }));
    expect(await upload(big)).toMatchObject({ status: 400, data: { message: "The upload is larger than 20 MB. Import the articles in smaller batches." } });
    expect(await db.article.count()).toBe(0);
  });

  it("answers an agent with 403 and imports nothing", async () => {
    expect((await upload([fixture("good/store-hours.md")], { cookie: agentCookie })).status).toBe(403);
    expect(await db.article.count()).toBe(0);
  });
});
