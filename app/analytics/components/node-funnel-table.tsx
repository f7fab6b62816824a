/**
 * The selected flow's per-node funnel: one bar per node, as long as the share of the flow's
 * conversations that entered it, split into those that went on, were handed off there, or
 * dropped off there; the counts beside it. A step is named as the lead reads it, its id muted below.
 */
import { formatCount, formatPercent } from "../format";
import type { NodeFunnel } from "../node-funnel.server";
import type { NodeFunnelRow } from "../funnel";
import { DefinitionHint } from "./definition-hint";
import { TableHead } from "~/components/table-head";

function CountWithShare({ count, of }: { count: number; of: number }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <>
      {formatCount(count)} <span className="muted">({formatPercent(of === 0 ? null : count / of)})</span>
    </>
  );
}

function FunnelBar({ node, conversations }: { node: NodeFunnelRow; conversations: number }) {
  const share = (count: number) => `${conversations === 0 ? 0 : (count / conversations) * 100}%`;
  const wentOn = Math.max(0, node.passed - node.droppedOff - node.escalated);
  return (
    <span className="funnel-bar" aria-hidden="true">
      <span className="funnel-bar-on" style={{ width: share(wentOn) }} />
      <span className="funnel-bar-escalated" style={{ width: share(node.escalated) }} />
      <span className="funnel-bar-dropped" style={{ width: share(node.droppedOff) }} />
    </span>
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
        <ul className="funnel-legend" aria-label="Legend">
          <li className="funnel-legend-on">Went on</li>
          <li className="funnel-legend-escalated">Escalated here</li>
          <li className="funnel-legend-dropped">Dropped off here</li>
        </ul>
      </div>
      <table className="table table-compact funnel-table">
        <TableHead
          columns={[
            { label: "Node" },
            { label: "Share of the flow's conversations", hidden: true, className: "funnel-bar-cell" },
            { label: "Entered", numeric: true },
            { label: "Dropped off", numeric: true },
            { label: "Escalated", numeric: true },
          ]}
        />
        <tbody>
          {nodes.map((node) => (
            <tr key={node.nodeId} data-node={node.nodeId}>
              <td>
                <div className="node-name" title={node.name}>
                  {node.name}
                </div>
                <div className="node-kind">
                  <span className="node-id" title="Step id (as in the CSV export)">
                    {node.nodeId}
                  </span>
                  {node.apiCalls > 0 ? (
                    <span className={node.apiFailures > 0 ? "funnel-api-failures has-failures" : "funnel-api-failures"}>
                      {" "}· {formatCount(node.apiFailures)} of {formatCount(node.apiCalls)} API calls failed
                    </span>
                  ) : null}
                </div>
              </td>
              <td className="funnel-bar-cell">
                <FunnelBar node={node} conversations={funnel.conversations} />
              </td>
              <td className="numeric">{formatCount(node.passed)}</td>
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
