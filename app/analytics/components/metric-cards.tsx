/** The headline numbers of a report, one card per metric, each with its definition a hover away. */
import type { ReactNode } from "react";
import { formatCount, formatDuration, formatPercent, formatRating, plural } from "../format";
import type { Csat, FirstResponse, MetricKey, MetricsSummary } from "../metrics";
import { METRIC_DEFINITIONS } from "../metrics";
import { DefinitionHint } from "./definition-hint";

function MetricCard({ metric, value, detail, tone, footnote }: { metric: MetricKey; value: string; detail: ReactNode; tone?: "good" | "warn"; footnote?: ReactNode }) {
  return (
    <div className="metric-card" data-metric={metric}>
      <div className="metric-label">
        <span>{METRIC_DEFINITIONS[metric].label}</span>
        <DefinitionHint metric={metric} />
      </div>
      <div className={tone ? `metric-value metric-value-${tone}` : "metric-value"}>{value}</div>
      <div className="metric-detail">{detail}</div>
      {footnote}
    </div>
  );
}

function csatDetail(csat: Csat) {
  return csat.responses === 0 ? "No ratings yet" : `${formatPercent(csat.satisfiedRate)} satisfied · ${plural(csat.responses, "rating")}`;
}

/** The median's detail: p90, then every handoff not measured, so none goes missing. */
export function firstResponseDetail(firstResponse: FirstResponse): string {
  const { count, awaiting, closedWithoutReply, handedBackWithoutReply } = firstResponse;
  if (count + awaiting + closedWithoutReply + handedBackWithoutReply === 0) return "No handoffs answered yet";
  const unanswered = [
    `${formatCount(awaiting)} still waiting`,
    ...(closedWithoutReply > 0 ? [`${formatCount(closedWithoutReply)} closed without a reply`] : []),
    ...(handedBackWithoutReply > 0 ? [`${formatCount(handedBackWithoutReply)} handed back without a reply`] : []),
  ];
  return [count > 0 ? `p90 ${formatDuration(firstResponse.p90Ms)}` : "None answered", ...unanswered].join(" · ");
}

/**
 * The same two figures counted in business hours, named the way the line above names them; each
 * figure stays on one line (a narrow card broke "20m 00s" into "20m" and "00s").
 */
export function BusinessHoursFootnote({ firstResponse }: { firstResponse: FirstResponse }) {
  return (
    <div className="metric-footnote" data-detail="firstResponseBusiness">
      In business hours: <span className="metric-figure">median {formatDuration(firstResponse.business.medianMs)}</span> ·{" "}
      <span className="metric-figure">p90 {formatDuration(firstResponse.business.p90Ms)}</span>
    </div>
  );
}

export function MetricCards({ summary }: { summary: MetricsSummary }) {
  const { firstResponse } = summary;
  return (
    <section className="metric-grid" aria-label="Key numbers">
      <MetricCard metric="conversations" value={formatCount(summary.conversations)} detail={`${formatCount(summary.leftWithBot.count)} left with the bot`} />
      <MetricCard
        metric="contained"
        tone="good"
        value={formatPercent(summary.contained.rate)}
        detail={`${formatCount(summary.contained.count)} of ${formatCount(summary.conversations)} resolved by the bot`}
      />
      <MetricCard metric="escalated" tone="warn" value={formatPercent(summary.escalated.rate)} detail={`${plural(summary.escalated.count, "handoff")}`} />
      <MetricCard
        metric="firstResponse"
        value={formatDuration(firstResponse.medianMs)}
        detail={firstResponseDetail(firstResponse)}
        footnote={firstResponse.count > 0 ? <BusinessHoursFootnote firstResponse={firstResponse} /> : null}
      />
      <MetricCard
        metric="resolvedAfterHandoff"
        value={formatPercent(summary.resolvedAfterHandoff.rate)}
        detail={
          <>
            {formatCount(summary.resolvedAfterHandoff.count)} of {plural(summary.resolvedAfterHandoff.of, "handoff")} by a person
            {summary.closedByBotAfterHandBack.count > 0 ? (
              <span className="metric-detail-line" data-detail="closedByBotAfterHandBack">
                {formatCount(summary.closedByBotAfterHandBack.count)} closed by the bot after a hand-back
              </span>
            ) : null}
          </>
        }
      />
      <MetricCard
        metric="repeatContact"
        value={formatPercent(summary.repeatContact.rate)}
        detail={`${formatCount(summary.repeatContact.count)} of ${formatCount(summary.repeatContact.of)} with a known contact`}
      />
      <MetricCard metric="csatBotOnly" value={formatRating(summary.csatBotOnly.average)} detail={csatDetail(summary.csatBotOnly)} />
      <MetricCard metric="csatEscalated" value={formatRating(summary.csatEscalated.average)} detail={csatDetail(summary.csatEscalated)} />
    </section>
  );
}
