/**
 * Generated data for bench/analytics.ts: CONVERSATIONS conversations spread evenly over DAYS days
 * and exactly 10 events each, written with bare better-sqlite3 prepared statements into a
 * migrated database (one transaction). Outcomes follow the demo's proportions: ~45% contained,
 * ~40% escalated (most resolved), ~15% left with the bot, 2% preview runs; 80% with a contact.
 * Dates are written as the ISO text Prisma writes ("…+00:00"), events in time order with
 * time-ordered ids, as the runtime does. copyIntoPostgres puts the same rows into a PostgreSQL
 * database, so both databases are measured over identical data.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import { createRandom } from "../app/workspace/demo-history/random";
import type { db as Db } from "../app/utils/db.server";

export const EVENTS_PER_CONVERSATION = 10;
const DAY = 24 * 60 * 60 * 1000;
const iso = (time: number) => new Date(time).toISOString().replace("Z", "+00:00");

type Path = { nodes: string[]; outcome: "contained" | "escalated" | "left"; trigger?: string };

/** Routes through the starter flows' real node ids (flows/*.json). */
const PATHS: Record<string, Path[]> = {
  "store-support": [
    { nodes: ["start", "topic", "shipping-kb", "done"], outcome: "contained" },
    { nodes: ["start", "topic", "account-kb", "done"], outcome: "contained" },
    { nodes: ["start", "topic", "ask-order-id", "to-support"], outcome: "escalated", trigger: "node" },
    { nodes: ["start", "topic", "refund-gate", "to-billing"], outcome: "escalated", trigger: "node" },
    { nodes: ["start", "topic", "help-centre-kb", "done"], outcome: "contained" },
    { nodes: ["start", "topic", "help-centre-kb", "to-support"], outcome: "escalated", trigger: "node" },
    { nodes: ["start", "topic", "ask-order-id"], outcome: "left" },
  ],
  "refunds-and-returns": [
    { nodes: ["start", "reason", "refund-kb", "done"], outcome: "contained" },
    { nodes: ["start", "reason", "ask-order-id", "ask-email"], outcome: "escalated", trigger: "humanRequest" },
    { nodes: ["start", "reason", "damage-order-id", "damaged-handoff"], outcome: "escalated", trigger: "node" },
    { nodes: ["start", "reason", "ask-order-id"], outcome: "left" },
  ],
};
const PATH_WEIGHTS: Record<Path["outcome"], number> = { contained: 45, escalated: 40, left: 15 };

export type BenchData = { flows: Array<{ id: string; slug: string }>; teams: { support: string; billing: string }; end: number; conversations: number; events: number };

export function generateAnalyticsData(file: string, options: { conversations: number; days: number; end: number; repoRoot: string }): BenchData {
  const random = createRandom(7);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const now = iso(options.end);
  const teams = { support: "team-support", billing: "team-billing" };
  const flows = ["store-support", "refunds-and-returns"].map((slug) => ({ id: `flow-${slug}`, slug, document: fs.readFileSync(path.join(options.repoRoot, "flows", `${slug}.json`), "utf8") }));
  const contacts = Math.round(options.conversations * 0.4);

  const insertConversation = sqlite.prepare(
    `INSERT INTO Conversation (id, flowId, flowVersionId, contactId, status, teamId, priority, fields, handoffTrigger, handoffNodeId, channel, tokenHash,
       escalatedAt, firstHumanResponseAt, resolvedAt, csat, lastMessageAt, createdAt, updatedAt, version, agentUnread)
     VALUES (?, ?, ?, ?, ?, ?, 1, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  const insertEvent = sqlite.prepare("INSERT INTO Event (id, conversationId, flowId, type, nodeId, payload, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)");

  sqlite.transaction(() => {
    for (const [slug, name] of [["support", "Support"], ["billing", "Billing"]]) {
      sqlite.prepare("INSERT INTO Team (id, slug, name, createdAt) VALUES (?, ?, ?, ?)").run(`team-${slug}`, slug, name, now);
    }
    for (const flow of flows) {
      sqlite.prepare("INSERT INTO Flow (id, slug, name, draft, draftUpdatedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)").run(flow.id, flow.slug, JSON.parse(flow.document).name, flow.document, now, now, now);
      sqlite.prepare("INSERT INTO FlowVersion (id, flowId, number, document, documentHash, publishedAt, createdAt) VALUES (?, ?, 1, ?, ?, ?, ?)").run(`${flow.id}-v1`, flow.id, flow.document, flow.slug, now, now);
      sqlite.prepare("INSERT INTO FlowVersion (id, flowId, number, document, documentHash, createdAt) VALUES (?, ?, NULL, ?, ?, ?)").run(`${flow.id}-draft`, flow.id, flow.document, `${flow.slug}-draft`, now);
    }
    const insertContact = sqlite.prepare("INSERT INTO Contact (id, name, createdAt) VALUES (?, ?, ?)");
    for (let index = 0; index < contacts; index += 1) insertContact.run(`k${index}`, `Contact ${index}`, now);

    const start = options.end - options.days * DAY;
    const spacing = (options.days * DAY) / options.conversations;
    for (let index = 0; index < options.conversations; index += 1) {
      const createdAt = Math.round(start + index * spacing + random.next() * spacing * 0.9);
      const flow = random.chance(0.6) ? flows[0] : flows[1];
      const route = random.weighted(PATHS[flow.slug], (candidate) => PATH_WEIGHTS[candidate.outcome] / PATHS[flow.slug].filter((other) => other.outcome === candidate.outcome).length);
      const preview = random.chance(0.02);
      const id = `c${String(index).padStart(7, "0")}`;
      const escalated = route.outcome === "escalated";
      const last = route.nodes[route.nodes.length - 1];
      const escalatedAt = escalated ? createdAt + 60_000 : null;
      const replied = escalatedAt !== null && random.chance(0.93) ? escalatedAt + Math.round(random.logNormal(5 * 60_000, 0.9)) : null;
      const resolved = route.outcome === "contained" || (replied !== null && random.chance(0.9));
      const status = resolved ? "resolved" : escalated ? (replied ? "open" : "waiting") : "bot";
      const csat = resolved && random.chance(0.5) ? random.int(1, 5) : null;
      const team = escalated ? (last.includes("billing") ? teams.billing : teams.support) : null;
      insertConversation.run(
        id, flow.id, preview ? `${flow.id}-draft` : `${flow.id}-v1`, random.chance(0.8) ? `k${random.int(0, contacts - 1)}` : null, status, team,
        escalated ? route.trigger : null, escalated ? last : null, preview ? "preview" : random.chance(0.3) ? "widget" : "web", `bench-${id}`,
        escalatedAt === null ? null : iso(escalatedAt), replied === null ? null : iso(replied), resolved ? iso(createdAt + 20 * 60_000) : null, csat,
        iso(createdAt + 120_000), iso(createdAt), iso(createdAt + 120_000),
      );
      const events: Array<[string, string | null]> = [["conversation.started", null]];
      route.nodes.forEach((nodeId, step) => {
        events.push(["node.entered", nodeId]);
        if (step < route.nodes.length - 1) events.push(["node.outcome", nodeId]);
      });
      if (escalated) events.push(["handoff", last], ["handoff.queued", last]);
      if (resolved) events.push(["conversation.resolved", null]);
      while (events.length < EVENTS_PER_CONVERSATION) events.push(["message.received", null]);
      events.slice(0, EVENTS_PER_CONVERSATION).forEach(([type, nodeId], step) => {
        insertEvent.run(`${id}e${step}`, id, flow.id, type, nodeId, "{}", iso(createdAt + step * 2_000));
      });
    }
  })();
  sqlite.close();
  return { flows: flows.map(({ id, slug }) => ({ id, slug })), teams, end: options.end, conversations: options.conversations, events: options.conversations * EVENTS_PER_CONVERSATION };
}

/** The admin and the Support agent the analytics benchmarks read reports as (on either database). */
export async function createBenchViewers(db: typeof Db, supportTeamId: string) {
  const adminRow = await db.user.create({ data: { email: "admin@bench.local", name: "Admin", passwordHash: "x", role: "admin" }, select: { id: true } });
  const agentRow = await db.user.create({
    data: { email: "agent@bench.local", name: "Agent", passwordHash: "x", role: "agent", memberships: { create: { teamId: supportTeamId } } },
    select: { id: true },
  });
  return { admin: { id: adminRow.id, role: "admin" as const }, agent: { id: agentRow.id, role: "agent" as const } };
}

// Parents before children (foreign keys).
const TABLES = ["Team", "User", "Membership", "Flow", "FlowVersion", "Contact", "Conversation", "Message", "Event"];
const ROWS_PER_INSERT = 1_000;

/** Copies every row of TABLES from the SQLite file into PostgreSQL, converting dates and booleans by the target column's type. */
export async function copyIntoPostgres(file: string, client: pg.Client): Promise<void> {
  const sqlite = new Database(file, { readonly: true });
  for (const table of TABLES) {
    const { rows: columns } = await client.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [table],
    );
    const names = columns.map((column) => column.column_name);
    const convert = columns.map((column) => {
      if (column.data_type.startsWith("timestamp")) return (value: unknown) => (value === null ? null : new Date(typeof value === "number" ? value : String(value)).toISOString());
      if (column.data_type === "boolean") return (value: unknown) => (value === null ? null : Boolean(value));
      return (value: unknown) => value;
    });
    const select = sqlite.prepare(`SELECT ${names.map((name) => `"${name}"`).join(", ")} FROM "${table}"`).raw(true);
    let batch: unknown[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values: unknown[] = [];
      const tuples = batch.map((row) => `(${row.map((value, index) => (values.push(convert[index](value)), `$${values.length}`)).join(", ")})`);
      await client.query(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
      batch = [];
    };
    for (const row of select.iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length >= Math.floor(ROWS_PER_INSERT / Math.max(1, names.length / 8))) await flush();
    }
    await flush();
  }
  sqlite.close();
  // What autovacuum would have done to rows this old: statistics, and the visibility map that lets
  // the reports read the events' index alone (index-only scans).
  await client.query("VACUUM ANALYZE");
}
