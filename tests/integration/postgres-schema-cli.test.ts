import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPostgresSchema } from "~/cli/postgres-schema";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgres/client";
import { startPostgresCluster, type PostgresCluster } from "~/utils/postgres-cluster.server";
import { createPostgresPool } from "~/utils/postgres-pool.server";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describe("the PostgreSQL data model, generated from the SQLite one", () => {
  it("is the SQLite schema with only the provider, url and client folder swapped", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const postgres = toPostgresSchema(sqlite);
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).not.toContain('"sqlite"');
    const models = (schema: string) => schema.slice(schema.indexOf("model "));
    expect(models(postgres)).toBe(models(sqlite));
  });

  it("has not drifted: the committed schema and migrations are what the generator writes", () => {
    const run = spawnSync(bin("tsx"), [path.join(root, "app/cli/postgres-schema.ts"), "--check"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: cluster.url },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);

  it("migrates an empty PostgreSQL database with prisma migrate deploy, and Prisma reads and writes it", async () => {
    const url = cluster.url.replace(/\/postgres$/, "/deploy_check");
    const pool = createPostgresPool(cluster.url);
    await pool.query("CREATE DATABASE deploy_check");
    await pool.end();
    const deploy = spawnSync(bin("prisma"), ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    expect(deploy.stdout + deploy.stderr).toMatch(/All migrations have been successfully applied|migrations? .*applied/i);
    expect(deploy.status).toBe(0);

    const clientPool = createPostgresPool(url);
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(clientPool) });
    try {
      const team = await client.team.create({ data: { slug: "support", name: "Support" }, select: { id: true } });
      await client.user.create({ data: { email: "ana@example.com", name: "Ana", role: "agent", passwordHash: "x", memberships: { create: [{ teamId: team.id }] } } });
      const found = await client.user.findUniqueOrThrow({ where: { email: "ana@example.com" }, select: { name: true, memberships: { select: { team: { select: { slug: true } } } } } });
      expect(found).toEqual({ name: "Ana", memberships: [{ team: { slug: "support" } }] });
    } finally {
      await client.$disconnect();
      await clientPool.end();
    }
  }, 60_000);
});
