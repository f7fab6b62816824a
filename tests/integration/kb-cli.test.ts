/**
 * `npm run kb -- import` run as a user runs it: a child process (tsx) against its own freshly
 * migrated database, which the CLI itself never migrates.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, repoRoot, tmpDir } from "../setup/migrate";

const fixtures = path.join(repoRoot, "tests/fixtures/kb");
const databaseFile = path.join(tmpDir, `kb-cli-${process.pid}-${Date.now()}.db`);

function runKb(args: string[]) {
  const run = spawnSync("npx", ["tsx", "app/cli/kb.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
  createMigratedDatabase(databaseFile);
});

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(databaseFile + suffix, { force: true });
});

describe("npm run kb -- import", () => {
  it("a folder with one broken file: exit 1, the file and line, nothing imported", () => {
    const result = runKb(["import", path.join(fixtures, "broken-yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tests\/fixtures\/kb\/broken-yaml\/return-labels\.md:4: the front matter is not valid YAML/);
    expect(result.stderr).toContain("nothing imported");
    expect(countArticles()).toBe(0);
  });

  it("a bad CSV row: exit 1 with the row's line", () => {
    const result = runKb(["import", "tests/fixtures/kb/bad-rows.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-rows\.csv:5: title: the title is required/);
    expect(countArticles()).toBe(0);
  });

  it("a good folder: prints what was imported, exit 0; again: updates", () => {
    const first = runKb(["import", "tests/fixtures/kb/good"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created gift-wrapping");
    expect(first.stdout).toContain("imported 3 article(s): 3 created, 0 updated");
    expect(countArticles()).toBe(3);
    const again = runKb(["import", "tests/fixtures/kb/good"]);
    expect(again.stdout).toContain("imported 3 article(s): 0 created, 3 updated");
    expect(countArticles()).toBe(3);
  });

  it("no arguments or an unknown command: usage and exit 1", () => {
    for (const args of [[], ["export"], ["import"]]) {
      const result = runKb(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("usage: npm run -s kb -- import");
    }
  });
});

describe("npm run kb -- index", () => {
  it("reads the published articles for their meaning and stores the vectors; a second run stores nothing new", () => {
    if (countArticles() === 0) expect(runKb(["import", "tests/fixtures/kb/good"]).code).toBe(0);
    expect(count("SentenceVector")).toBe(0);
    const first = runKb(["index"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^read 2 published article\(s\) for their meaning; their vectors are stored$/m);
    const stored = count("SentenceVector");
    expect(stored).toBeGreaterThan(0);
    expect(runKb(["index"]).code).toBe(0);
    expect(count("SentenceVector")).toBe(stored);
  }, 120_000);

  it("anything after index: usage and exit 1", () => {
    const result = runKb(["index", "now"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("npm run -s kb -- index");
  });
});
