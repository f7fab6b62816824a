import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SqlIntegerSchema } from "~/utils/sql-integer";
import { CHANNELS, CUSTOMER_CHANNELS, isPreview, PREVIEW_CHANNEL, sqlRealChannel } from "~/vocabulary/channels";
import { isConversationStatus } from "~/vocabulary/conversation-status";
import { HANDOFF_TRIGGER_LABELS, HANDOFF_TRIGGERS, labelHandoffTrigger, parseHandoffTrigger } from "~/vocabulary/handoff-triggers";

const appRoot = path.resolve(__dirname, "../../../app");

function listSourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : listSourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("channels", () => {
  it("the SQL filter keeps every customer channel and drops the preview runs", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec(`CREATE TABLE "Conversation" ("id" TEXT, "channel" TEXT)`);
    const insert = sqlite.prepare(`INSERT INTO "Conversation" VALUES (?, ?)`);
    for (const channel of CHANNELS) insert.run(`c-${channel}`, channel);
    const kept = sqlite.prepare(`SELECT c."channel" FROM "Conversation" c WHERE ${sqlRealChannel()} ORDER BY 1`).pluck().all();
    expect(kept).toEqual([...CUSTOMER_CHANNELS].sort());
    const aliased = sqlite.prepare(`SELECT x."channel" FROM "Conversation" x WHERE ${sqlRealChannel("x")}`).pluck().all();
    expect(aliased).not.toContain(PREVIEW_CHANNEL);
    sqlite.close();
  });

  it("tells a preview run from a customer's conversation", () => {
    expect(isPreview({ channel: PREVIEW_CHANNEL })).toBe(true);
    for (const channel of CUSTOMER_CHANNELS) expect(isPreview({ channel })).toBe(false);
  });

  // The rule lives in one place: a copy elsewhere would drift (it once appeared 15 times in 12 files).
  it("no module outside app/vocabulary spells the preview filter itself", () => {
    const literal = /channel"?\s*(?:<>|!=|===?|!==)\s*['"]preview['"]|channel:\s*\{\s*not:\s*["']preview["']|channel:\s*["']preview["']/;
    const offenders = listSourceFiles(appRoot)
      .filter((file) => !file.includes(`${path.sep}vocabulary${path.sep}`))
      .filter((file) => literal.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(appRoot, file));
    expect(offenders).toEqual([]);
  });
});

describe("conversation statuses", () => {
  it("accepts the four statuses and nothing else", () => {
    for (const status of ["bot", "waiting", "open", "resolved"]) expect(isConversationStatus(status)).toBe(true);
    for (const value of ["closed", "", null, 1]) expect(isConversationStatus(value)).toBe(false);
  });
});

describe("handoff triggers", () => {
  it("gives every trigger its own label, the same wherever it is read back", () => {
    const labels = HANDOFF_TRIGGERS.map((trigger) => labelHandoffTrigger(trigger));
    expect(labels.every((label) => typeof label === "string" && label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(HANDOFF_TRIGGERS.length);
    expect(labelHandoffTrigger("node")).toBe(HANDOFF_TRIGGER_LABELS.node);
  });

  it("reads an unknown stored trigger as null, not as a label", () => {
    expect(parseHandoffTrigger("escalate")).toBeNull();
    expect(labelHandoffTrigger(undefined)).toBeNull();
    expect(parseHandoffTrigger("sensitive")).toBe("sensitive");
  });
});

describe("SQL integers", () => {
  it("reads a bigint and a number as the same plain number", () => {
    expect(SqlIntegerSchema.parse(42n)).toBe(42);
    expect(SqlIntegerSchema.parse(42)).toBe(42);
    expect(SqlIntegerSchema.safeParse("42").success).toBe(false);
  });
});
