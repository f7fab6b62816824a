/**
 * `npm run kb -- import` and `index` run as a user runs them: a child process against this
 * file's own freshly migrated database (the copy of the migrated template that
 * tests/setup/integration-db.ts makes), which the CLI itself never migrates. The import commands
 * share one child process (tests/support/cli-host.ts); `index` runs as its own process each
 * time, since what it proves is what a fresh process finds stored.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../setup/migrate";
import { runCliProcess, startCliHost, type CliHost } from "../support/cli-host";

const fixtures = path.join(repoRoot, "tests/fixtures/kb");
const databaseUrl = process.env.DATABASE_URL ?? "";
const databaseFile = databaseUrl.replace(/^file:/, "");

let host: CliHost;
const runKb = (args: string[]) => host.run("kb", args);

function count(table: "Article" | "SentenceVector"): number {
  const sqlite = new Database(databaseFile, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}
const countArticles = () => count("Article");

beforeAll(() => {
  // A file of its own, never the development database: the CLI falls back to ./data/baton.db.
  expect(databaseUrl).toMatch(/^file:.*tests\/\.tmp\//);
  host = startCliHost();
});
afterAll(() => host.close());

describe("npm run kb -- import", () => {
  it("a folder with one broken file: exit 1, the file and line, nothing imported", async () => {
    const result = await runKb(["import", path.join(fixtures, "broken-yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tests\/fixtures\/kb\/broken-yaml\/return-labels\.md:4: the front matter is not valid YAML/);
    expect(result.stderr).toContain("nothing imported");
    expect(countArticles()).toBe(0);
  });

  it("a bad CSV row: exit 1 with the row's line", async () => {
    const result = await runKb(["import", "tests/fixtures/kb/bad-rows.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-rows\.csv:5: title: the title is required/);
    expect(countArticles()).toBe(0);
  });

  it("a good folder: prints what was imported, exit 0; again: updates", async () => {
    const first = await runKb(["import", "tests/fixtures/kb/good"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created gift-wrapping");
    expect(first.stdout).toContain("imported 3 article(s): 3 created, 0 updated");
    expect(countArticles()).toBe(3);
    const again = await runKb(["import", "tests/fixtures/kb/good"]);
    expect(again.stdout).toContain("imported 3 article(s): 0 created, 3 updated");
    expect(countArticles()).toBe(3);
  });

  it("no arguments or an unknown command: usage and exit 1", async () => {
    for (const args of [[], ["export"], ["import"]]) {
      const result = await runKb(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("usage: npm run -s kb -- import");
    }
  });
});

describe("npm run kb -- index", () => {
  it("reads the published articles for their meaning and stores the vectors; a second run stores nothing new", async () => {
    if (countArticles() === 0) expect((await runKb(["import", "tests/fixtures/kb/good"])).code).toBe(0);
    expect(count("SentenceVector")).toBe(0);
    const first = runCliProcess("kb", ["index"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^read 2 published article\(s\) for their meaning; their vectors are stored$/m);
    const stored = count("SentenceVector");
    expect(stored).toBeGreaterThan(0);
    expect(runCliProcess("kb", ["index"]).code).toBe(0);
    expect(count("SentenceVector")).toBe(stored);
  }, 120_000);

  it("anything after index: usage and exit 1", async () => {
    const result = await runKb(["index", "now"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("npm run -s kb -- index");
  });
});
