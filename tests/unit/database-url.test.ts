import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "~/utils/database-url";

describe("resolveDatabaseUrl", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("defaults to ./data/baton.db", () => {
    delete process.env.DATABASE_URL;
    delete process.env.BATON_DATA_DIR;
    expect(resolveDatabaseUrl()).toBe(`file:${path.resolve("data/baton.db")}`);
  });

  it("honours DATABASE_URL", () => {
    process.env.DATABASE_URL = "file:/tmp/baton-unit/x.db";
    expect(resolveDatabaseUrl()).toBe("file:/tmp/baton-unit/x.db");
  });
});
