/**
 * WAL checkpoints run mostly on a worker thread (app/runtime/wal-checkpoints.server.ts): the
 * serving connection checkpoints itself only every SERVING_CHECKPOINT_PAGES, the worker moves
 * committed pages from the WAL into the database file meanwhile, and the WAL stays bounded.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ensureSqliteTuned } from "~/runtime/sqlite.server";
import { SERVING_CHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES } from "~/runtime/wal-checkpoints.server";
import { db, getSqliteConnection } from "~/utils/db.server";

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("WAL checkpoints off the request thread", () => {
  it("checkpoints from the worker before the serving connection's own threshold", async () => {
    await ensureSqliteTuned(db);
    const connection = await getSqliteConnection();
    await until(() => Number(connection.pragma("wal_autocheckpoint", { simple: true })) === SERVING_CHECKPOINT_PAGES);
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

  it("keeps the WAL bounded under a steady stream of commits", async () => {
    await ensureSqliteTuned(db);
    const connection = await getSqliteConnection();
    await until(() => Number(connection.pragma("wal_autocheckpoint", { simple: true })) === SERVING_CHECKPOINT_PAGES);
    const insert = connection.prepare(`INSERT INTO "Team" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?)`);
    // Single-row commits (each rewrites at least 3 pages: the row's leaf and two index leaves),
    // more than twice the serving threshold in all, while the worker checkpoints beside them.
    for (let index = 0; index < 8_000; index += 1) {
      insert.run(`steady-${index}`, `steady-${index}`, "y".repeat(100), new Date().toISOString());
      if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
    const walBytes = fs.statSync(`${connection.name}-wal`).size;
    // Without starting over the WAL would hold every page written (24,000+ frames of 4 KB, ~98 MB).
    // It starts over at least every SERVING_CHECKPOINT_PAGES (~41 MB); on a loaded machine the
    // worker may lag and the file grow past that before the restart cuts it back to the size limit.
    expect(walBytes).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
  });
});
