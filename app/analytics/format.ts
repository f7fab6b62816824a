/** How analytics numbers read on the page: "42%", "4m 05s", "4.3", "—" when there is nothing to show. */
export const NONE = "—";

export function formatPercent(rate: number | null, digits = 0): string {
  return rate === null ? NONE : `${(rate * 100).toFixed(digits)}%`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return NONE;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function formatRating(average: number | null): string {
  return average === null ? NONE : average.toFixed(1);
}

export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "Nov 3" for a YYYY-MM-DD day (UTC, like the ranges). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
