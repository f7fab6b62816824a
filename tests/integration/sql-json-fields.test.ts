/**
 * The dialect's scanned JSON reads (PostgreSQL: `json`, not `jsonb`), which the intent review's
 * page query filters on, read the same values as the usual ones for what that query reads:
 * strings, null, missing fields, flags and numbers. Runs on SQLite and PostgreSQL (integration-pg).
 */
import { describe, expect, it } from "vitest";
import { queryOne, sqlDialect } from "~/runtime/sql.server";

async function readText(json: string, path: string) {
  const sql = `SELECT ${sqlDialect.jsonText("?", path)} AS "usual", ${sqlDialect.scannedJsonText("?", path)} AS "scanned"`;
  return (await queryOne<{ usual: unknown; scanned: unknown }>(sql, [json, json])) ?? { usual: "no row", scanned: "no row" };
}

async function readNumber(json: string, path: string) {
  const sql = `SELECT ${sqlDialect.jsonNumber("?", path)} AS "usual", ${sqlDialect.scannedJsonNumber("?", path)} AS "scanned"`;
  return (await queryOne<{ usual: unknown; scanned: unknown }>(sql, [json, json])) ?? { usual: "no row", scanned: "no row" };
}

describe("scanned JSON fields", () => {
  it("read strings, null and missing fields as the usual reads do", async () => {
    const cases: Array<[object, string, string | null]> = [
      [{ text: 'a "quoted" é ?', intent: null }, "text", 'a "quoted" é ?'],
      [{ text: "x", intent: null }, "intent", null],
      [{ text: "x" }, "intent", null],
      [{ verdict: { intent: "track" } }, "verdict.intent", "track"],
    ];
    for (const [document, path, expected] of cases) {
      const row = await readText(JSON.stringify(document), path);
      expect(row.scanned).toBe(expected);
      expect(row.scanned).toBe(row.usual);
    }
  });

  it("read flags as the usual reads do (null only when missing)", async () => {
    for (const document of [{ askedAnew: true }, { askedAnew: false }, {}]) {
      const row = await readText(JSON.stringify(document), "askedAnew");
      expect(row.scanned).toBe(row.usual);
      expect(row.scanned === null).toBe(!("askedAnew" in document));
    }
  });

  it("read numbers as the same numbers, however they are written", async () => {
    for (const [json, value] of [['{"confidence":0.41}', 0.41], ['{"confidence":1e-3}', 0.001], ['{"confidence":1}', 1]] as const) {
      const row = await readNumber(json, "confidence");
      expect(row.scanned).toBe(value);
      expect(row.usual).toBe(value);
    }
  });
});
