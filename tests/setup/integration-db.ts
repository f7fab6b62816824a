import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Every test file gets its own copy of the migrated database, so files can run in parallel
// and each starts empty. Set before any test imports ~/utils/db.server.
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `file-${randomUUID()}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET ??= "integration-test-secret";

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
});

