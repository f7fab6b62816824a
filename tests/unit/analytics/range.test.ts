/** The analytics date range and query string (app/analytics/range.ts, query.ts). */
import { describe, expect, it } from "vitest";
import { AnalyticsQuerySchema, parseQuery, toSearch } from "~/analytics/query";
import { describeRange, RangeQuerySchema, resolveRange } from "~/analytics/range";

const NOW = new Date("2026-06-15T12:34:56Z");
const parse = (search: string) => parseQuery(AnalyticsQuerySchema, new URLSearchParams(search));

describe("resolveRange", () => {
  it("ends presets with today (UTC) and counts today as one of the days", () => {
    const range = resolveRange(RangeQuerySchema.parse({ range: "7d" }), NOW);
    expect(range.from.toISOString()).toBe("2026-06-09T00:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-06-16T00:00:00.000Z");
    expect(range.days).toEqual(["2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12", "2026-06-13", "2026-06-14", "2026-06-15"]);
    expect(resolveRange(RangeQuerySchema.parse({}), NOW).days).toHaveLength(30);
    expect(resolveRange(RangeQuerySchema.parse({ range: "90d" }), NOW).from.toISOString()).toBe("2026-03-18T00:00:00.000Z");
  });

  it("includes both ends of a custom range", () => {
    const range = resolveRange(RangeQuerySchema.parse({ range: "custom", from: "2026-02-27", to: "2026-03-01" }), NOW);
    expect(range.from.toISOString()).toBe("2026-02-27T00:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(range.days).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(describeRange(range)).toBe("Feb 27 – Mar 1, 2026");
    expect(describeRange(resolveRange(RangeQuerySchema.parse({ range: "custom", from: "2025-12-30", to: "2026-01-02" }), NOW))).toBe("Dec 30, 2025 – Jan 2, 2026");
  });
});

describe("the analytics query", () => {
  it("defaults to 30 days over all flows and teams, and reads empty values as all", () => {
    expect(parse("")).toEqual({ ok: true, query: { range: "30d" } });
    expect(parse("range=7d&flow=&team=")).toEqual({ ok: true, query: { range: "7d" } });
    expect(parse("range=custom&from=2026-01-01&to=2026-01-31&flow=store-support&team=billing")).toEqual({
      ok: true,
      query: { range: "custom", from: "2026-01-01", to: "2026-01-31", flow: "store-support", team: "billing" },
    });
  });

  it("names the parameter of every mistake", () => {
    expect(parse("range=14d")).toEqual({ ok: false, field: "range", message: "Choose 7, 30 or 90 days, or a custom range" });
    expect(parse("range=custom&to=2026-01-31")).toEqual({ ok: false, field: "from", message: "Choose the first day of the range" });
    expect(parse("range=custom&from=2026-02-30&to=2026-03-01")).toEqual({ ok: false, field: "from", message: "That day does not exist" });
    expect(parse("range=custom&from=03/01/2026&to=2026-03-01")).toMatchObject({ ok: false, field: "from", message: "Use a date like 2026-11-24" });
    expect(parse("range=custom&from=2026-03-02&to=2026-03-01")).toEqual({ ok: false, field: "from", message: "The first day is after the last day" });
    expect(parse("range=custom&from=2025-01-01&to=2026-03-01")).toEqual({ ok: false, field: "to", message: "A range can cover at most 366 days" });
    expect(parse("flow=Not%20A%20Slug")).toEqual({ ok: false, field: "flow", message: "Not a valid slug" });
  });

  it("builds links without empty parameters", () => {
    expect(toSearch({ range: "7d", flow: "", team: "support" })).toBe("?range=7d&team=support");
    expect(toSearch({})).toBe("");
  });
});
