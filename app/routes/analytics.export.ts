/** GET /analytics/export?report=daily|escalations|funnel&…filters: the page's numbers as CSV. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { csvFileName, reportToCsv } from "~/analytics/csv.server";
import { AnalyticsQuerySchema, CSV_REPORTS, parseQuery } from "~/analytics/query";
import { getAnalyticsReport } from "~/analytics/report.server";
import { forbidden, requireUser } from "~/auth/guards.server";

const ReportSchema = z.enum(CSV_REPORTS, { error: "Choose report=daily, escalations or funnel" }).default("daily");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const searchParams = new URL(request.url).searchParams;
  const parsed = parseQuery(AnalyticsQuerySchema, searchParams);
  const report = ReportSchema.safeParse(searchParams.get("report") || undefined);
  if (!parsed.ok) return badRequest(parsed.message);
  if (!report.success) return badRequest(report.error.issues[0]?.message ?? "Unknown report");
  if (report.data === "funnel" && !parsed.query.flow) return badRequest("The node funnel needs a flow: add flow=<slug>");
  const outcome = await getAnalyticsReport(viewer, parsed.query);
  if (!outcome.ok) return outcome.status === 403 ? forbidden() : badRequest(outcome.message);
  return new Response(reportToCsv(outcome.report, report.data), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(outcome.report, report.data)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function badRequest(message: string): Response {
  return new Response(`${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
