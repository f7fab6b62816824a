/**
 * The report's filters as one GET form, so every view is a link: range presets (links that
 * keep the flow and team), a custom pair of days, the flow and the team (submitted as soon as
 * they change), and the CSV downloads of what is on screen. Render it with a `key` of the
 * current search: its fields are uncontrolled and start from the URL.
 */
import { Form, Link, useSubmit } from "@remix-run/react";
import { useState } from "react";
import { Icon } from "~/components/icons";
import type { Option } from "../access.server";
import { toSearch, type CsvReport } from "../query";
import { RANGE_PRESETS, type RangePreset } from "../range";

export type FilterValues = { range: RangePreset | "custom"; from: string; to: string; flow: string; team: string };

const PRESET_LABELS: Record<RangePreset, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days" };
const CSV_LABELS: Record<CsvReport, string> = { daily: "Daily metrics", escalations: "Escalations", funnel: "Node funnel" };

type Props = {
  values: FilterValues;
  flows: Option[];
  teams: Option[];
  seesAllTeams: boolean;
  error?: { field: string; message: string };
  /** Offered downloads (the funnel only with a flow selected). */
  csvReports: CsvReport[];
};

export function FilterBar({ values, flows, teams, seesAllTeams, error, csvReports }: Props) {
  const submit = useSubmit();
  const [custom, setCustom] = useState(values.range === "custom");
  const exportSearch = (report: CsvReport) =>
    toSearch({ ...values, from: values.range === "custom" ? values.from : undefined, to: values.range === "custom" ? values.to : undefined, report });
  return (
    <Form
      method="get"
      className="filter-bar card"
      aria-label="Filters"
      preventScrollReset
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) submit(event.currentTarget, { preventScrollReset: true });
      }}
    >
      <div className="filter-row">
        <div className="segmented" role="group" aria-label="Date range">
          {RANGE_PRESETS.map((preset) => (
            <Link
              key={preset}
              to={toSearch({ range: preset, flow: values.flow, team: values.team })}
              className="segmented-option"
              aria-current={!custom && values.range === preset ? "true" : undefined}
              preventScrollReset
            >
              {PRESET_LABELS[preset]}
            </Link>
          ))}
          <button type="button" className="segmented-option" aria-pressed={custom} onClick={() => setCustom(true)}>
            Custom
          </button>
        </div>
        <label className="filter-field">
          <span className="label">Flow</span>
          <select name="flow" className="select" defaultValue={values.flow} aria-invalid={error?.field === "flow" || undefined}>
            <option value="">All flows</option>
            {flows.map((flow) => (
              <option key={flow.id} value={flow.slug}>
                {flow.name}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span className="label">Team</span>
          <select name="team" className="select" defaultValue={values.team} aria-invalid={error?.field === "team" || undefined}>
            <option value="">{seesAllTeams ? "All teams" : teams.length === 1 ? teams[0].name : "All my teams"}</option>
            {seesAllTeams || teams.length > 1
              ? teams.map((team) => (
                  <option key={team.id} value={team.slug}>
                    {team.name}
                  </option>
                ))
              : null}
          </select>
        </label>
        {!custom ? <input type="hidden" name="range" value={values.range === "custom" ? "30d" : values.range} /> : null}
        <details className="export-menu">
          <summary className="btn btn-secondary btn-sm">
            <Icon name="download" size={15} />
            Export CSV
          </summary>
          <div className="export-menu-list" role="menu">
            {csvReports.map((report) => (
              <a key={report} role="menuitem" href={`/analytics/export${exportSearch(report)}`} download>
                {CSV_LABELS[report]}
              </a>
            ))}
          </div>
        </details>
      </div>
      {custom ? (
        <div className="filter-row filter-custom">
          <input type="hidden" name="range" value="custom" />
          <label className="filter-field">
            <span className="label">From</span>
            <input type="date" name="from" className="input" defaultValue={values.from} required aria-invalid={error?.field === "from" || undefined} />
          </label>
          <label className="filter-field">
            <span className="label">To</span>
            <input type="date" name="to" className="input" defaultValue={values.to} required aria-invalid={error?.field === "to" || undefined} />
          </label>
          <button type="submit" className="btn btn-primary btn-sm">
            Apply
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error filter-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </Form>
  );
}
