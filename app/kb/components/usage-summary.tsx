import { formatPercent, formatRelative } from "../format";
import { helpfulRate, type ArticleUsage } from "../usage";

type Usage = Omit<ArticleUsage, "lastShownAt"> & { lastShownAt: string | Date | null };

/** The list's "Helpful" cell: the helpful share of the rated answers, with the counts on hover. */
export function HelpfulCell({ usage }: { usage: Pick<Usage, "helpful" | "notHelpful"> }) {
  const rate = helpfulRate(usage);
  if (rate === null) return <span className="muted">—</span>;
  return (
    <span className={rate >= 0.5 ? "kb-rate kb-rate-good" : "kb-rate kb-rate-poor"} title={`${usage.helpful} helped, ${usage.notHelpful} did not help`}>
      {formatPercent(rate)}
      <span className="kb-rate-count"> of {usage.helpful + usage.notHelpful}</span>
    </span>
  );
}

/** The article page's strip of figures. */
export function UsageSummary({ usage, now }: { usage: Usage; now: number }) {
  const rate = helpfulRate(usage);
  const stats = [
    { label: "Shown to customers", value: usage.shown.toLocaleString("en-US") },
    { label: "Helped", value: usage.helpful.toLocaleString("en-US") },
    { label: "Did not help", value: usage.notHelpful.toLocaleString("en-US") },
    { label: "Helpful rate", value: rate === null ? "—" : formatPercent(rate) },
    { label: "Last shown", value: usage.lastShownAt ? formatRelative(usage.lastShownAt, now) : "Never" },
  ];
  return (
    <section className="kb-stats" aria-label="Usage">
      {stats.map((stat) => (
        <div key={stat.label} className="kb-stat">
          <div className="kb-stat-label">{stat.label}</div>
          <div className="kb-stat-value">{stat.value}</div>
        </div>
      ))}
    </section>
  );
}
