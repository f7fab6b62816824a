/**
 * Dates and numbers as the KB pages show them. Relative times are computed against a `now` the
 * loader sends, and absolute ones in UTC, so the server's HTML and the browser's render agree.
 */
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });
const absolute = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 days ago", "yesterday", "44 min. ago", "just now". */
export function formatRelative(date: string | Date, now: number): string {
  const seconds = Math.round((new Date(date).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

export function formatAbsolute(date: string | Date): string {
  return `${absolute.format(new Date(date))} UTC`;
}

/** 0.8333 → "83%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
