/**
 * The analytics page's query string: the range plus an optional flow and team, both by slug so
 * links read well (`/analytics?range=7d&flow=store-support&team=billing`). A missing or empty
 * value means "all". Client-safe: the filter form and the CSV links build the same parameters.
 */
import { z } from "zod";
import { checkRange, RangeFields } from "./range";

const Slug = z.string().max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a valid slug");

export const AnalyticsQuerySchema = z
  .object({
    ...RangeFields,
    flow: Slug.optional(),
    team: Slug.optional(),
  })
  .superRefine(checkRange);
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

export const CSV_REPORTS = ["daily", "escalations", "funnel"] as const;
export type CsvReport = (typeof CSV_REPORTS)[number];

/** Reads a query string with `schema`; a problem names the parameter it is about. */
export function parseQuery<T>(
  schema: z.ZodType<T>,
  searchParams: URLSearchParams,
): { ok: true; query: T } | { ok: false; field: string; message: string } {
  const raw: Record<string, string> = {};
  for (const [name, value] of searchParams) if (value !== "") raw[name] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: String(issue?.path[0] ?? "range"), message: issue?.message ?? "Invalid query" };
}

/** The query string for `query` with `changes` applied; defaults are left out. */
export function toSearch(query: Partial<Record<"range" | "from" | "to" | "flow" | "team" | "report", string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
