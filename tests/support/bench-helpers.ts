/**
 * Shared by bench/turns.ts and bench/memory.ts: a fresh migrated database with the demo teams
 * and the flows, the production server on loopback, and the floor measurements.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createMigratedDatabase } from "../setup/migrate";
import { buildServer, freePort, repoRoot, startServer, type RunningServer } from "./built-server";

export const benchRoot = path.join(repoRoot, "bench");
const tmp = path.join(repoRoot, "tests/.tmp");

export type BenchFlow = { slug: string; scripts: string[][] };

/** The fixture flow's customer scripts: an order that ends, a billing question that hands off, a miss. */
export const FIXTURE_FLOW: BenchFlow = {
  slug: "runtime-test",
  scripts: [
    ["where is my order? it has not arrived", "A-12345"],
    ["I was charged twice on my card", "my email is dana@example.com"],
    ["where is my order", "order 99812"],
    ["blah blah", "still nothing"],
  ],
};

/** The starter flow's customers: an order update that ends, a missing parcel and a person request that hand off. */
export const STARTER_FLOW: BenchFlow = {
  slug: "store-support",
  scripts: [
    ["Where is my order 4829301756? It hasn't arrived", "ana.lopez@example.com", "In transit"],
    ["Where is my order 1234509876? It hasn't arrived", "ben@example.com", "Delivered"],
    ["has my order shipped yet? order 5551234567", "dana@example.com", "Out for delivery"],
    ["I want to talk to a human"],
  ],
};

export type BenchDatabase = {
  url: string;
  file: string;
  flow: BenchFlow;
  rowsPerTurn(): Promise<{ messages: number; events: number; snapshotBytes: number }>;
  cleanup(): void;
};

/** A fresh migrated SQLite file, or (with `postgresUrl`, an already migrated empty PostgreSQL database) that one. */
export async function createBenchDatabase(name: string, options: { postgresUrl?: string } = {}): Promise<BenchDatabase> {
  const file = options.postgresUrl ? "" : path.join(tmp, `bench-${name}-${process.pid}.db`);
  if (!options.postgresUrl) createMigratedDatabase(file);
  const url = options.postgresUrl ?? `file:${file}`;
  process.env.DATABASE_URL = url;
  const { db, databaseKind } = await import("~/utils/db.server");
  const { publishFlow } = await import("~/runtime/flow-versions.server");
  const { seedStarterFlows } = await import("~/workspace/seed-flows.server");
  if (databaseKind === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  for (const [slug, teamName] of [["support", "Support"], ["billing", "Billing"]]) {
    await db.team.upsert({ where: { slug }, create: { slug, name: teamName }, update: {}, select: { id: true } });
  }
  const seeded = await seedStarterFlows(db);
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "flows/runtime-test.json"), "utf8"));
  const published = await publishFlow(fixture, { client: db });
  if (!published.ok) throw new Error("the bench flow does not publish");
  return {
    url,
    file,
    flow: seeded.published.includes("store-support.json") ? STARTER_FLOW : FIXTURE_FLOW,
    async rowsPerTurn() {
      const [turns, messages, events, snapshot] = await Promise.all([
        db.message.count({ where: { role: "customer" } }),
        db.message.count(),
        db.event.count(),
        db.$queryRawUnsafe<Array<{ bytes: unknown }>>(`SELECT avg(length("snapshot")) AS "bytes" FROM "Conversation"`),
      ]);
      const perTurn = (count: number) => Math.round((count / Math.max(1, turns)) * 10) / 10;
      return { messages: perTurn(messages), events: perTurn(events), snapshotBytes: Math.round(Number(snapshot[0]?.bytes ?? 2000)) };
    },
    cleanup() {
      void db.$disconnect();
      if (file) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export async function startBenchServer(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RunningServer> {
  const buildFile = buildServer(path.join(tmp, `bench-build-${process.pid}`));
  return startServer({ buildFile, databaseUrl, nodeArgs, env: { CHAT_RATE_LIMIT_PER_MINUTE: "100000000", ...env } });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A JSON POST on a kept-alive node:http connection. The load generator shares the 2 cores with
 * the server it measures, so it uses the cheapest client there is (undici's fetch costs about
 * twice as much CPU per request); the floor's round trip is measured with the same client.
 */
export function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent: keepAlive,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
          } catch (error) {
            reject(error);
          }
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A benchmark script's entry point: exit 0 when `main` resolves, print the error and exit 1 otherwise. */
export function runBenchmark(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/**
 * The storage floor: the rows of an average turn (conversation update guarded by version,
 * messages, events) written with bare better-sqlite3 and prepared statements, one transaction
 * per turn, WAL + synchronous=NORMAL — what the turn engine's writes cost with no framework.
 */
export function runSqliteFloor(rows: { messages: number; events: number; snapshotBytes: number }, turns: number): { turnsPerSecond: number } {
  const file = path.join(tmp, `bench-floor-${process.pid}.db`);
  createMigratedDatabase(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  const now = Date.now();
  sqlite.prepare("INSERT INTO Flow (id, slug, name, draft, draftUpdatedAt, createdAt, updatedAt) VALUES ('f', 'f', 'F', '{}', ?, ?, ?)").run(now, now, now);
  sqlite.prepare("INSERT INTO FlowVersion (id, flowId, number, document, documentHash, createdAt) VALUES ('v', 'f', 1, '{}', 'h', ?)").run(now);
  const insertConversation = sqlite.prepare(
    "INSERT INTO Conversation (id, flowId, flowVersionId, tokenHash, lastMessageAt, createdAt, updatedAt, version) VALUES (?, 'f', 'v', ?, ?, ?, ?, 1)",
  );
  const conversations = Array.from({ length: 32 }, () => randomUUID());
  for (const id of conversations) insertConversation.run(id, randomUUID(), now, now, now);
  const update = sqlite.prepare(
    "UPDATE Conversation SET version = version + 1, snapshot = ?, status = 'bot', fields = ?, intent = ?, confidence = ?, lastMessageAt = ?, updatedAt = ? WHERE id = ? AND version = ?",
  );
  const insertMessage = sqlite.prepare(
    "INSERT INTO Message (id, conversationId, seq, role, text, clientMessageId, turnId, metadata, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare("INSERT INTO Event (id, conversationId, flowId, type, nodeId, payload, createdAt) VALUES (?, ?, 'f', ?, ?, ?, ?)");
  const snapshot = JSON.stringify({ pad: "x".repeat(Math.max(0, rows.snapshotBytes - 12)) });
  const state = conversations.map(() => ({ version: 1, seq: 0 }));
  const messagesPerTurn = Math.max(1, Math.round(rows.messages));
  const eventsPerTurn = Math.max(0, Math.round(rows.events));
  const turn = sqlite.transaction((index: number) => {
    const id = conversations[index % conversations.length];
    const current = state[index % conversations.length];
    const at = Date.now();
    const changed = update.run(snapshot, '{"order":"A-1"}', "order", 0.9, at, at, id, current.version).changes;
    if (changed !== 1) throw new Error("floor conflict");
    current.version += 1;
    const turnId = randomUUID();
    for (let m = 0; m < messagesPerTurn; m += 1) {
      current.seq += 1;
      insertMessage.run(randomUUID(), id, current.seq, m === 0 ? "customer" : "bot", "where is my order? it has not arrived", m === 0 ? randomUUID() : null, turnId, "{}", at);
    }
    for (let e = 0; e < eventsPerTurn; e += 1) insertEvent.run(randomUUID(), id, "node.entered", "n1", '{"a":1}', at);
  });
  const started = performance.now();
  for (let index = 0; index < turns; index += 1) turn(index);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  return { turnsPerSecond: turns / seconds };
}

const BARE_SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    const reply = JSON.stringify({ status: "bot", messages: [{ id: "1", role: "customer", text: JSON.parse(body).text }] });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(reply);
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
`;

/** utime + stime of a process, in ms (Linux /proc, 100 ticks a second). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A bare node:http round trip (JSON in, JSON out) at the same concurrency, server in its own process (and its CPU per request). */
export async function runHttpFloor(concurrency: number, requests: number): Promise<{ requestsPerSecond: number; p50Ms: number; serverCpuMsPerRequest: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  const latencies: number[] = [];
  let remaining = requests;
  const serverCpuStart = processCpuMs(child.pid as number);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining > 0) {
        remaining -= 1;
        const begin = performance.now();
        await postJson(`http://127.0.0.1:${port}/`, { clientMessageId: randomUUID(), text: "where is my order?" });
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = processCpuMs(child.pid as number) - serverCpuStart;
  child.kill("SIGTERM");
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: requests / seconds, p50Ms: percentile(latencies, 0.5), serverCpuMsPerRequest: serverCpuMs / requests };
}
