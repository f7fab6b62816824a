/**
 * WAL checkpoints run on a worker thread (app/runtime/wal-checkpoints.server.ts): the serving
 * connection stops checkpointing inside its commits, and the worker still moves committed pages
 * from the WAL into the database file.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ensureSqliteTuned } from "~/runtime/sqlite.server";
import { db, getSqliteConnection } from "~/utils/db.server";

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("WAL checkpoints off the request thread", () => {
  it("turns off the connection's own checkpoints and checkpoints from the worker", async () => {
    await ensureSqliteTuned(db);
    const connection = await getSqliteConnection();
    await until(() => Number(connection.pragma("wal_autocheckpoint", { simple: true })) === 0);
    const file = connection.name;
    const sizeBefore = fs.statSync(file).size;
    const insert = connection.prepare(`INSERT INTO "Team" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?)`);
    connection.transaction(() => {
      for (let index = 0; index < 2_000; index += 1) insert.run(`wal-${index}`, `wal-team-${index}`, `Team ${"x".repeat(200)} ${index}`, new Date().toISOString());
    })();
    // Only the WAL holds the rows until someone checkpoints; the worker does, within a few intervals.
    await until(() => fs.statSync(file).size > sizeBefore + 200 * 1_000);
    expect(await db.team.count({ where: { slug: { startsWith: "wal-team-" } } })).toBe(2_000);
  });
});
