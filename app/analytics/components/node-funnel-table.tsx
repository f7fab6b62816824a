/** The selected flow's per-node funnel: entered, dropped off and escalated, with bars. */
import { formatCount, formatPercent } from "../format";
import type { NodeFunnel } from "../node-funnel.server";
import { DefinitionHint } from "./definition-hint";
import { ShareBar } from "./share-bar";

function CountWithShare({ count, of }: { count: number; of: number }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <>
      {formatCount(count)} <span className="muted">({formatPercent(of === 0 ? null : count / of)})</span>
    </>
  );
}

export function NodeFunnelTable({ funnel, flowName }: { funnel: NodeFunnel; flowName: string }) {
  const nodes = funnel.nodes.filter((node) => node.kind !== null || node.passed + node.droppedOff + node.escalated > 0);
  return (
    <section className="card" aria-labelledby="funnel-heading">
      <div className="card-header">
        <div>
          <div className="heading-with-hint">
            <h2 id="funnel-heading">Node funnel</h2>
            <DefinitionHint metric="funnel" />
          </div>
          <p>
            {flowName}: where its {formatCount(funnel.conversations)} conversations went, node by node
          </p>
        </div>
      </div>
      <table className="table table-compact funnel-table">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Entered</th>
            <th scope="col" className="numeric">
              Dropped off
            </th>
            <th scope="col" className="numeric">
              Escalated
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.nodeId} data-node={node.nodeId}>
              <td>
                <div className="node-name">{node.nodeId}</div>
                <div className="node-kind">{node.kindLabel}</div>
              </td>
              <td className="share-cell funnel-entered">
                <ShareBar share={funnel.conversations === 0 ? 0 : node.passed / funnel.conversations} />
                <span>{formatCount(node.passed)}</span>
              </td>
              <td className="numeric">
                <CountWithShare count={node.droppedOff} of={node.passed} />
              </td>
              <td className="numeric">
                <CountWithShare count={node.escalated} of={node.passed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
