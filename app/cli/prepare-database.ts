/**
 * The database part of `npm start`: apply the migrations and seed the demo workspace. SQLite: the
 * file's migrations, WAL on, the idempotent seed (only what is missing) on every start.
 * PostgreSQL: several instances may start at once, so both steps run under one advisory lock
 * (app/utils/postgres-start.server.ts) and the seed only goes into an empty database.
 * Also runnable alone (`npx tsx app/cli/prepare-database.ts`, DATABASE_URL) — the concurrent-start
 * test starts two of these at once.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { seedDemoWorkspace } from "~/workspace/seed.server";
import { databaseKindOf, resolveDatabaseUrl } from "~/utils/database-url.server";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

export function step(message: string) {
  console.log(`\u203a ${message}`);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    execFileSync(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${path.basename(command)} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
    process.exit(1);
  }
}

export function reportSeed(report: SeedReport | null) {
  if (!report) {
    console.log("  the database already has a workspace: not seeded");
    return;
  }
  const created = [
    report.people.createdPeople.length && `${report.people.createdPeople.length} people`,
    report.people.createdTeams.length && `${report.people.createdTeams.length} teams`,
    report.flows.published.length && `${report.flows.published.length} flows`,
    report.knowledgeBase.created.length && `${report.knowledgeBase.created.length} articles`,
    report.history.created && `${report.history.created} generated demo conversations`,
  ].filter(Boolean);
  console.log(`  ${created.length > 0 ? `created ${created.join(", ")}` : "already seeded"}`);
}

export type SeedReport = Awaited<ReturnType<typeof seedDemoWorkspace>>;

/** SQLite: migrate the file, turn on WAL, seed what is missing (idempotent, every start). */
async function prepareSqlite(databaseUrl: string): Promise<SeedReport> {
  step(`Applying database migrations (${databaseUrl})`);
  // --config is required: without it the Prisma CLI tries to download engine binaries.
  run(bin("prisma"), ["migrate", "deploy", "--config", "prisma/prisma.config.ts"], { ...process.env, DATABASE_URL: databaseUrl });
  const { db } = await import("~/utils/db.server");
  const { seedDemoWorkspace } = await import("~/workspace/seed.server");
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  step("Seeding the demo workspace");
  const report = await seedDemoWorkspace(db);
  await db.$disconnect();
  return report;
}

/**
 * PostgreSQL: several instances may start at once, so the migrations and the seed run under one
 * advisory lock; the demo workspace is seeded only into an empty database (no people yet), once.
 * Returns null when the database already had a workspace.
 */
async function preparePostgres(databaseUrl: string): Promise<SeedReport | null> {
  const { withStartLock, redactDatabaseUrl } = await import("~/utils/postgres-start.server");
  return withStartLock(databaseUrl, async () => {
    step(`Applying database migrations (${redactDatabaseUrl(databaseUrl)})`);
    run(bin("prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], { ...process.env, DATABASE_URL: databaseUrl });
    const { db } = await import("~/utils/db.server");
    try {
      if ((await db.user.count()) > 0) return null;
      const { seedDemoWorkspace } = await import("~/workspace/seed.server");
      step("Seeding the demo workspace");
      return await seedDemoWorkspace(db);
    } finally {
      await db.$disconnect();
    }
  });
}

/** Migrates and seeds the database at `databaseUrl`; null when a PostgreSQL database already had a workspace. */
export function prepareDatabase(databaseUrl: string): Promise<SeedReport | null> {
  return databaseKindOf(databaseUrl) === "postgresql" ? preparePostgres(databaseUrl) : prepareSqlite(databaseUrl);
}

if (require.main === module) {
  prepareDatabase(resolveDatabaseUrl()).then(
    (report) => {
      reportSeed(report);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
