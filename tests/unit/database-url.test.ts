import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import { databaseKindOf, resolveDatabaseUrl } from "~/utils/database-url.server";
import { parseEnv } from "~/utils/env.server";

describe("resolveDatabaseUrl", () => {
  // Restores the variables themselves: replacing process.env with a plain copy would leave the
  // files that share this worker a process.env that no longer converts values to strings.
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to ./data/baton.db", () => {
    vi.stubEnv("DATABASE_URL", undefined);
    vi.stubEnv("BATON_DATA_DIR", undefined);
    expect(resolveDatabaseUrl()).toBe(`file:${path.resolve("data/baton.db")}`);
  });

  it("honours DATABASE_URL", () => {
    vi.stubEnv("DATABASE_URL", "file:/tmp/baton-unit/x.db");
    expect(resolveDatabaseUrl()).toBe("file:/tmp/baton-unit/x.db");
  });

  it("takes postgresql:// and postgres:// URLs as PostgreSQL and creates no folder for them", () => {
    for (const url of ["postgresql://baton:secret@db:5432/baton", "postgres://db/baton?sslmode=require"]) {
      vi.stubEnv("DATABASE_URL", url);
      expect(resolveDatabaseUrl()).toBe(url);
      expect(databaseKindOf(url)).toBe("postgresql");
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    expect(databaseKindOf("file:./data/baton.db")).toBe("sqlite");
  });

  it("refuses a URL of a database Baton cannot use, naming the variable, and creates nothing", () => {
    const cwd = process.cwd();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "baton-url-"));
    process.chdir(scratch);
    try {
      for (const url of ["mysql://db/baton", "./data/baton.db", "file:", "postgresql://", "postgresql:///baton", "postgres://:5432/baton"]) {
        vi.stubEnv("DATABASE_URL", url);
        expect(() => resolveDatabaseUrl(), url).toThrow(/DATABASE_URL /);
        expect(() => parseEnv({ DATABASE_URL: url }), url).toThrow(/DATABASE_URL/);
      }
      expect(fs.readdirSync(scratch)).toEqual([]);
    } finally {
      process.chdir(cwd);
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
