/** "How these numbers are counted": every definition from metrics.ts, at the foot of the page. */
import { METRIC_DEFINITIONS } from "../metrics";

export function DefinitionsList() {
  return (
    <details className="definitions card">
      <summary>How these numbers are counted</summary>
      <dl>
        {Object.entries(METRIC_DEFINITIONS).map(([key, { label, definition }]) => (
          <div key={key} className="definition">
            <dt>{label}</dt>
            <dd>{definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
