/**
 * The names axis of a horizontal bar chart, one line per name. Recharts' own tick wraps a name
 * longer than the axis' width ("Bot failed repeatedly" took two lines at 1280 px). Here the axis
 * is as wide as the longest name, but never more than a share of the chart, so bars keep room on a
 * phone; a name that still does not fit ends in "…" and keeps its full text in a tooltip (<title>).
 */
import { useChartWidth, YAxis } from "./recharts.client";
import { AXIS_PROPS } from "./chart-frame";

const FONT_SIZE = 13;
const TICK_COLOR = "#1c1d22";
/** Recharts' space between the axis edge and the text (tickSize 6 + tickMargin 2) and a little air. */
const TICK_GAP = 10;
/** The most of the chart's width the names may take; the bars and their numbers need the rest. */
const MAX_SHARE = 0.4;
const MIN_WIDTH = 72;

let canvasContext: CanvasRenderingContext2D | null | undefined;

/**
 * A measure of text drawn in the page's font at the tick's size (on a canvas). The font is read
 * once, here: an axis makes one per render, and fitting a name measures it many times.
 */
export function textMeasure(): (text: string) => number {
  if (canvasContext === undefined) canvasContext = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  const context = canvasContext;
  // No canvas (server, a test's DOM without one): about 0.6 em a character.
  if (!context) return (text) => text.length * FONT_SIZE * 0.6;
  // The canvas is this module's alone, always at this size in the body's font.
  context.font = `${FONT_SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => context.measureText(text).width;
}

/** `text` itself when it fits in `room` pixels, else its longest start that fits with "…". */
export function fitOneLine(text: string, room: number, measure: (text: string) => number): string {
  if (measure(text) <= room) return text;
  let fits = 0;
  for (let length = 1; length < text.length; length += 1) {
    if (measure(`${text.slice(0, length).trimEnd()}…`) > room) break;
    fits = length;
  }
  return `${text.slice(0, fits).trimEnd()}…`;
}

/** The axis width for these names in a chart `chartWidth` wide. */
export function axisWidthFor(names: string[], chartWidth: number, measure: (text: string) => number): number {
  const longest = Math.ceil(Math.max(0, ...names.map(measure))) + TICK_GAP;
  const cap = Math.max(MIN_WIDTH, Math.floor(chartWidth * MAX_SHARE));
  return Math.min(longest, cap);
}

type TickProps = { x?: number; y?: number; width?: number; payload?: { value?: unknown }; className?: string; measure: (text: string) => number };

function OneLineTick({ x = 0, y = 0, width = 0, payload, className, measure }: TickProps) {
  const name = String(payload?.value ?? "");
  const shown = fitOneLine(name, Math.max(0, width - TICK_GAP), measure);
  return (
    <text x={x} y={y} dy="0.35em" textAnchor="end" fontSize={FONT_SIZE} fill={TICK_COLOR} className={className}>
      {shown === name ? null : <title>{name}</title>}
      {shown}
    </text>
  );
}

/** A category <YAxis> on `dataKey` whose names stay on one line; inside a Recharts chart. */
export function OneLineCategoryAxis({ dataKey, names }: { dataKey: string; names: string[] }) {
  const chartWidth = useChartWidth() ?? 0;
  const measure = textMeasure();
  return <YAxis type="category" dataKey={dataKey} width={axisWidthFor(names, chartWidth, measure)} {...AXIS_PROPS} tick={<OneLineTick measure={measure} />} />;
}
