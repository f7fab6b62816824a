/**
 * `npm run db:postgres-schema` — the PostgreSQL side of the data model, generated, never edited.
 *
 * prisma/schema.prisma (SQLite) is the one data model. This writes prisma/postgresql/schema.prisma
 * from it (provider swapped, its own generated client) and, when the model changed since the last
 * run, a new PostgreSQL migration computed by `prisma migrate diff` from the PostgreSQL migrations
 * so far to the new model. A migration folder is named after the newest SQLite migration (the
 * first one `<its timestamp>_init`), so both folders read in the same order. PostgreSQL runs on
 * a throwaway server for the diff (app/utils/postgres-cluster.server.ts) unless DATABASE_URL
 * names one.
 *
 * `--check` writes nothing and exits 1 when the committed PostgreSQL files are not what this would
 * write (a test runs it, so the two databases cannot drift apart).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startPostgresCluster } from "~/utils/postgres-cluster.server";

const root = path.resolve(__dirname, "../..");
const sqliteSchemaPath = path.join(root, "prisma/schema.prisma");
const sqliteMigrations = path.join(root, "prisma/migrations");
const postgresDir = path.join(root, "prisma/postgresql");
const postgresSchemaPath = path.join(postgresDir, "schema.prisma");
const postgresMigrations = path.join(postgresDir, "migrations");

const HEADER = `// GENERATED from ../schema.prisma by app/cli/postgres-schema.ts (npm run db:postgres-schema).
// Do not edit: change ../schema.prisma and run the command again.
`;

/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/baton"')
    .replace(/output\s*=\s*"\.\.\/app\/generated\/prisma"/, 'output     = "../../app/generated/prisma-postgres"');
  if (swapped.includes('"sqlite"') || !swapped.includes("prisma-postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider, url and output lines this script rewrites");
  }
  return HEADER + swapped;
}

/**
 * The SQL that takes a database migrated with prisma/postgresql/migrations to the model in
 * prisma/postgresql/schema.prisma ("" when they agree). PostgreSQL's driver adapter connects even
 * to diff files, and replaying migrations needs a shadow database: `databaseUrl` is a scratch server.
 * (The schema must be the configured file: given one elsewhere, the CLI looks for an engine to download.)
 */
function pendingMigrationSql(databaseUrl: string): string {
  const hasMigrations = fs.existsSync(postgresMigrations) && fs.readdirSync(postgresMigrations).some((name) => /^\d{14}_/.test(name));
  const from = hasMigrations ? ["--from-migrations", postgresMigrations] : ["--from-empty"];
  const args = ["migrate", "diff", "--config", path.join(postgresDir, "prisma.config.ts"), ...from, "--to-schema-datamodel", postgresSchemaPath, "--script"];
  const sql = execFileSync(path.join(root, "node_modules/.bin/prisma"), args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: databaseUrl } });
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--")) ? "" : sql;
}

function newestSqliteMigration(): string {
  const names = fs.readdirSync(sqliteMigrations).filter((name) => /^\d{14}_/.test(name)).sort();
  const newest = names.at(-1);
  if (!newest) throw new Error("prisma/migrations has no migration");
  return newest;
}

/** Brings prisma/postgresql up to date; returns what changed. */
function writePostgresSchema(databaseUrl: string): string[] {
  const changed: string[] = [];
  const schema = toPostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
  if (!fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, "utf8") !== schema) {
    fs.writeFileSync(postgresSchemaPath, schema);
    changed.push("prisma/postgresql/schema.prisma");
  }
  const sql = pendingMigrationSql(databaseUrl);
  if (sql) {
    const first = !fs.existsSync(postgresMigrations) || !fs.readdirSync(postgresMigrations).some((entry) => /^\d{14}_/.test(entry));
    const newest = newestSqliteMigration();
    const name = first ? `${newest.slice(0, 14)}_init` : newest;
    const folder = path.join(postgresMigrations, name);
    if (fs.existsSync(folder)) {
      throw new Error(`prisma/postgresql/migrations/${name} exists already: add a SQLite migration for this change first, then run this again`);
    }
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "migration.sql"), sql);
    fs.writeFileSync(path.join(postgresMigrations, "migration_lock.toml"), '# Written by app/cli/postgres-schema.ts\nprovider = "postgresql"\n');
    changed.push(`prisma/postgresql/migrations/${name}`);
  }
  return changed;
}

/** Problems that make the committed PostgreSQL files differ from what this script would write. */
export function checkPostgresSchema(databaseUrl: string): string[] {
  const schema = toPostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
  if (!fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, "utf8") !== schema) {
    return ["prisma/postgresql/schema.prisma is not the SQLite schema with its provider swapped"];
  }
  return pendingMigrationSql(databaseUrl) ? ["prisma/postgresql/migrations do not produce prisma/postgresql/schema.prisma"] : [];
}

async function main(): Promise<void> {
  const given = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : null;
  const cluster = given ? null : await startPostgresCluster();
  try {
    const url = given ?? cluster!.url;
    if (process.argv.includes("--check")) {
      const problems = checkPostgresSchema(url);
      for (const problem of problems) console.error(`${problem}: run \`npm run db:postgres-schema\` and commit the result.`);
      if (problems.length) process.exitCode = 1;
      else console.log("prisma/postgresql matches prisma/schema.prisma");
      return;
    }
    const changed = writePostgresSchema(url);
    console.log(changed.length ? `wrote ${changed.join(", ")}` : "prisma/postgresql is up to date");
  } finally {
    cluster?.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
