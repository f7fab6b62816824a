/** The small ⓘ beside a metric: its definition from metrics.ts on hover or keyboard focus. */
import { useId } from "react";
import { Icon } from "~/components/icons";
import { METRIC_DEFINITIONS, type MetricKey } from "../metrics";

export function DefinitionHint({ metric }: { metric: MetricKey }) {
  const id = useId();
  const { label, definition } = METRIC_DEFINITIONS[metric];
  return (
    <span className="metric-hint">
      <button type="button" className="metric-hint-button" aria-label={`How ${label} is counted`} aria-describedby={id}>
        <Icon name="info" size={14} />
      </button>
      <span role="tooltip" id={id} className="metric-hint-text">
        {definition}
      </span>
    </span>
  );
}
