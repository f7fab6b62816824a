/**
 * CSV exports of a report: the daily table (one row per day plus a total), the escalation
 * breakdowns, and the node funnel. Rates are fractions (0.25), durations minutes (the first response
 * twice: wall-clock, and in the team's business hours as the page shows it); csv-stringify
 * does the quoting, so flow names with commas or quotes stay in their column. Text written by
 * admins (flow names, node ids) could start like a formula; see neutraliseCell.
 */
import { stringify } from "csv-stringify/sync";
import type { MetricsSummary } from "./metrics";
import type { CsvReport } from "./query";
import type { AnalyticsReport } from "./report.server";

// OWASP's CSV-injection rule: Excel, LibreOffice and Sheets run a cell starting with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that would run as a formula gets a leading apostrophe: shown as text, never run. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Numbers stay numbers (a negative one is data, not a formula); every text cell is neutralised. */
function toCsv(rows: Array<Array<string | number>>, columns: string[]): string {
  return stringify(rows, { header: true, columns, cast: { string: neutraliseCell } });
}

const round = (value: number | null, digits: number) => (value === null ? "" : Number(value.toFixed(digits)));
const minutes = (ms: number | null) => round(ms === null ? null : ms / 60_000, 1);

const DAILY_COLUMNS = [
  "date",
  "conversations",
  "contained",
  "containment_rate",
  "escalated",
  "escalation_rate",
  "left_with_bot",
  "first_response_median_minutes",
  "first_response_p90_minutes",
  // The same replies counted in business hours only (app/analytics/business-clock.server.ts).
  "first_response_business_hours_median_minutes",
  "first_response_business_hours_p90_minutes",
  "first_responses_measured",
  "awaiting_first_response",
  "closed_without_reply",
  "handed_back_without_reply",
  "resolved_after_handoff",
  "resolution_rate_after_handoff",
  "closed_by_bot_after_hand_back",
  "repeat_contacts",
  "conversations_with_contact",
  "repeat_contact_rate",
  "csat_bot_only_average",
  "csat_bot_only_responses",
  "csat_escalated_average",
  "csat_escalated_responses",
];

function dailyRow(date: string, metrics: MetricsSummary): Array<string | number> {
  return [
    date,
    metrics.conversations,
    metrics.contained.count,
    round(metrics.contained.rate, 4),
    metrics.escalated.count,
    round(metrics.escalated.rate, 4),
    metrics.leftWithBot.count,
    minutes(metrics.firstResponse.medianMs),
    minutes(metrics.firstResponse.p90Ms),
    minutes(metrics.firstResponse.business.medianMs),
    minutes(metrics.firstResponse.business.p90Ms),
    metrics.firstResponse.count,
    metrics.firstResponse.awaiting,
    metrics.firstResponse.closedWithoutReply,
    metrics.firstResponse.handedBackWithoutReply,
    metrics.resolvedAfterHandoff.count,
    round(metrics.resolvedAfterHandoff.rate, 4),
    metrics.closedByBotAfterHandBack.count,
    metrics.repeatContact.count,
    metrics.repeatContact.of,
    round(metrics.repeatContact.rate, 4),
    round(metrics.csatBotOnly.average, 2),
    metrics.csatBotOnly.responses,
    round(metrics.csatEscalated.average, 2),
    metrics.csatEscalated.responses,
  ];
}

export function reportToCsv(report: AnalyticsReport, kind: CsvReport): string {
  switch (kind) {
    case "daily":
      return toCsv([...report.daily.map((day) => dailyRow(day.day, day)), dailyRow("total", report.summary)], DAILY_COLUMNS);
    case "escalations":
      return toCsv(
        [
          ...report.byTrigger.map((row) => ["trigger", "", row.key, row.label, row.count, round(row.shareOfEscalations, 4), round(row.rateOfConversations, 4)]),
          ...report.byNode.map((row) => ["node", row.flowName, row.nodeId ?? "", row.name, row.count, round(row.shareOfEscalations, 4), round(row.rateOfConversations, 4)]),
        ],
        ["breakdown", "flow", "key", "label", "escalations", "share_of_escalations", "rate_of_conversations"],
      );
    case "funnel":
      return toCsv(
        (report.funnel?.nodes ?? []).map((row) => [report.flow?.name ?? "", row.nodeId, row.name, row.kind ?? "", row.kindLabel, row.passed, row.droppedOff, row.escalated]),
        ["flow", "node_id", "node_name", "kind", "kind_label", "passed", "dropped_off", "escalated"],
      );
  }
}

/** baton-analytics-daily-2026-10-26-to-2026-11-24-store-support-billing.csv */
export function csvFileName(report: AnalyticsReport, kind: CsvReport): string {
  return ["baton-analytics", kind, report.range.from, "to", report.range.to, report.flow?.slug, report.team?.slug].filter(Boolean).join("-") + ".csv";
}
