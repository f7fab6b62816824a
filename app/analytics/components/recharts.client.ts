/**
 * Recharts, for the browser only. Charts draw after hydration (chart-frame.tsx), so the server
 * never renders one, and Remix leaves a `.client` module out of the server build: the server no
 * longer loads recharts and its d3 modules at every start (~0.5 s of CPU, ~9 % of a start).
 */
export { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, useChartWidth, XAxis, YAxis } from "recharts";
export type { YAxisProps } from "recharts";
