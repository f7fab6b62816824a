/**
 * /analytics: how flows and teams are doing over a date range. Admins see everything; agents
 * only their teams (another team's slug answers 403). The query string is the whole state, so
 * every view is a link and the CSV export (/analytics/export) reads the same parameters.
 */
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { getAnalyticsAccess } from "~/analytics/access.server";
import { DefinitionsList } from "~/analytics/components/definitions-list";
import { EscalationBreakdowns } from "~/analytics/components/escalation-breakdowns";
import { FilterBar, type FilterValues } from "~/analytics/components/filter-bar";
import { MetricCards } from "~/analytics/components/metric-cards";
import { NodeFunnelTable } from "~/analytics/components/node-funnel-table";
import { TrendCharts } from "~/analytics/components/trend-charts";
import { AnalyticsQuerySchema, parseQuery, toSearch, type CsvReport } from "~/analytics/query";
import { getAnalyticsReport } from "~/analytics/report.server";
import { DEFAULT_PRESET, RANGE_PRESETS, type RangePreset } from "~/analytics/range";
import { forbidden, requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState, PageHeader } from "~/components/page";
import analyticsStyles from "~/styles/analytics.css";

export const meta: MetaFunction = () => [{ title: "Analytics · Baton" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: analyticsStyles }];

function filterValues(params: URLSearchParams): FilterValues {
  const range = params.get("range") ?? DEFAULT_PRESET;
  return {
    range: range === "custom" || RANGE_PRESETS.includes(range as RangePreset) ? (range as FilterValues["range"]) : DEFAULT_PRESET,
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    flow: params.get("flow") ?? "",
    team: params.get("team") ?? "",
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const searchParams = new URL(request.url).searchParams;
  const parsed = parseQuery(AnalyticsQuerySchema, searchParams);
  if (!parsed.ok) {
    const access = await getAnalyticsAccess(viewer);
    return data({ access, values: filterValues(searchParams), report: null, error: { field: parsed.field, message: parsed.message } }, { status: 400 });
  }
  const outcome = await getAnalyticsReport(viewer, parsed.query);
  if (!outcome.ok) {
    if (outcome.status === 403) throw forbidden(outcome.message);
    return data({ access: outcome.access, values: filterValues(searchParams), report: null, error: { field: outcome.field, message: outcome.message } }, { status: 400 });
  }
  const { report, access } = outcome;
  const values: FilterValues = { range: report.range.preset, from: report.range.from, to: report.range.to, flow: report.flow?.slug ?? "", team: report.team?.slug ?? "" };
  return { access, values, report, error: null };
}

export default function AnalyticsPage() {
  const { access, values, report, error } = useLoaderData<typeof loader>();
  const location = useLocation();
  const csvReports: CsvReport[] = report?.flow ? ["daily", "escalations", "funnel"] : ["daily", "escalations"];
  const noTeams = !access.seesAllTeams && access.teams.length === 0;
  const allTeamsLabel = access.seesAllTeams ? "All teams" : access.teams.length === 1 ? access.teams[0].name : "Your teams";
  return (
    <div className="page page-wide analytics">
      <PageHeader
        title="Analytics"
        description={report ? `${report.range.label} · ${report.flow?.name ?? "All flows"} · ${report.team?.name ?? allTeamsLabel}` : "How your flows and teams are doing."}
      />
      <FilterBar key={location.search} values={values} flows={access.flows} teams={access.teams} seesAllTeams={access.seesAllTeams} error={error ?? undefined} csvReports={csvReports} />
      {noTeams ? (
        <EmptyState icon="users" title="You're not in a team yet">
          Analytics show the conversations of your teams. Ask an admin to add you to one.
        </EmptyState>
      ) : !report ? (
        <EmptyState icon="alert" title="These filters don't work">
          {error?.message}. <Link to="/analytics">Show the last 30 days</Link>
        </EmptyState>
      ) : report.summary.conversations === 0 ? (
        <EmptyState icon="chart" title="No conversations in this range">
          No conversation started in {report.range.label} matches these filters. Try a longer range, another flow or another team.
        </EmptyState>
      ) : (
        <>
          <MetricCards summary={report.summary} />
          <TrendCharts daily={report.daily} partialDay={report.partialDay} />
          <EscalationBreakdowns byTrigger={report.byTrigger} byNode={report.byNode} showFlow={!report.flow} />
          {report.funnel && report.flow ? (
            <NodeFunnelTable funnel={report.funnel} flowName={report.flow.name} />
          ) : (
            <section className="card funnel-prompt">
              <div className="card-body">
                <strong>Node funnel.</strong> Pick a flow to see, node by node, where its conversations went:{" "}
                {access.flows.map((flow, index) => (
                  <span key={flow.id}>
                    {index > 0 ? ", " : null}
                    <Link to={toSearch({ ...values, from: values.range === "custom" ? values.from : undefined, to: values.range === "custom" ? values.to : undefined, flow: flow.slug })}>{flow.name}</Link>
                  </span>
                ))}
                .
              </div>
            </section>
          )}
        </>
      )}
      <DefinitionsList />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
