import pg from "pg";
import { describe, expect, it } from "vitest";
import { inlineParameters, numberPlaceholders, quoteLiteral } from "~/runtime/sql-postgres.server";

// A PostgreSQL write goes out as one string with its values inlined as literals, so the quoting
// must be exactly pg's own, and `?` inside quoted text or identifiers is not a placeholder.
describe("PostgreSQL literals and placeholders", () => {
  it("quotes text exactly as pg.escapeLiteral does", () => {
    for (const text of ["", "plain", "it's", "''", "back\\slash", "\\'\\'", 'a "quoted" ? $1 -- x;', "ünïcødé 🙂\nline two", '{"snapshot":"x\\"y"}']) {
      expect(quoteLiteral(text)).toBe(pg.escapeLiteral(text));
    }
  });

  it("replaces only the placeholders outside quotes, and counts them against the parameters", () => {
    const sql = `UPDATE "Odd?" SET "a" = ?, "b" = 'what?' WHERE "id" = ?`;
    expect(numberPlaceholders(sql)).toBe(`UPDATE "Odd?" SET "a" = $1, "b" = 'what?' WHERE "id" = $2`);
    expect(inlineParameters({ sql, params: ["it's", 7] })).toBe(`UPDATE "Odd?" SET "a" = 'it''s', "b" = 'what?' WHERE "id" = '7'`);
    expect(inlineParameters({ sql, params: [null, new Date("2026-12-06T13:05:01.500Z")] })).toBe(
      `UPDATE "Odd?" SET "a" = NULL, "b" = 'what?' WHERE "id" = '2026-12-06T13:05:01.500Z'`,
    );
    expect(() => inlineParameters({ sql, params: [1] })).toThrow(/Too few parameters/);
    expect(() => inlineParameters({ sql, params: [1, 2, 3] })).toThrow(/Too many parameters/);
  });
});
