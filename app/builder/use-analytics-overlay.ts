/**
 * The canvas analytics overlay: off by default; switched on, it fetches the flow's per-node
 * funnel for the chosen range (7, 30 or 90 days) and hands the canvas one entry per step. A newer
 * request (another range, switched off and on) aborts the one in flight, so a slow answer never
 * replaces a newer one.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { DEFAULT_PRESET, type RangePreset } from "~/analytics/range";
import type { FlowDocument } from "~/flow/document";
import { mapTraffic, parseFunnelResponse, summariseFunnel, type FunnelResponse, type OverlaySummary } from "./analytics-overlay";
import type { NodeTraffic } from "./canvas-types";
import { nodeFunnelRequest } from "./editor-api";

export type OverlayLoad =
  | { kind: "loading" }
  | { kind: "ready"; funnel: FunnelResponse }
  | { kind: "error"; message: string };

export type AnalyticsOverlay = {
  on: boolean;
  range: RangePreset;
  load: OverlayLoad | null;
  /** Null while off, loading without earlier numbers, failed, or when the range has no conversations. */
  traffic: ReadonlyMap<string, NodeTraffic> | null;
  summary: OverlaySummary | null;
  toggle: () => void;
  setRange: (range: RangePreset) => void;
  retry: () => void;
};

async function fetchFunnel(flowId: string, range: RangePreset, signal: AbortSignal): Promise<OverlayLoad> {
  const result = await nodeFunnelRequest(flowId, range, signal);
  if (!result.ok) return { kind: "error", message: result.status === 0 ? "the server can't be reached." : result.message };
  const funnel = parseFunnelResponse(result.data);
  return funnel ? { kind: "ready", funnel } : { kind: "error", message: "the server sent numbers this editor cannot read." };
}

export function useAnalyticsOverlay(flowId: string, document: FlowDocument): AnalyticsOverlay {
  const [on, setOn] = useState(false);
  const [range, setRange] = useState<RangePreset>(DEFAULT_PRESET);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<OverlayLoad | null>(null);
  // The last numbers stay on the cards while another range loads.
  const [shown, setShown] = useState<FunnelResponse | null>(null);

  useEffect(() => {
    if (!on) return;
    const controller = new AbortController();
    setLoad({ kind: "loading" });
    void fetchFunnel(flowId, range, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setLoad(result);
      setShown(result.kind === "ready" ? result.funnel : null);
    });
    return () => controller.abort();
  }, [on, flowId, range, attempt]);

  const toggle = useCallback(() => {
    setOn((current) => !current);
    setLoad(null);
    setShown(null);
  }, []);
  const retry = useCallback(() => setAttempt((current) => current + 1), []);

  // Keyed on the step ids, not the document: typing into a step keeps the same map.
  const nodeIds = document.nodes.map((node) => node.id).join("\n");
  const traffic = useMemo(() => (shown && shown.conversations > 0 ? mapTraffic(shown, nodeIds.split("\n")) : null), [shown, nodeIds]);
  const summary = useMemo(() => (shown ? summariseFunnel(shown, nodeIds.split("\n")) : null), [shown, nodeIds]);

  return { on, range, load: on ? load : null, traffic: on ? traffic : null, summary: on ? summary : null, toggle, setRange, retry };
}
