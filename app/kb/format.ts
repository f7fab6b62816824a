/**
 * Dates and numbers as the KB pages show them. Written out by hand rather than with Intl: the
 * server's ICU and the browser's word things differently ("45 min." vs "45 min", a narrow space
 * before "PM"), and any difference breaks hydration. Relative times are computed against a `now`
 * the loader sends, absolute ones in UTC, so the server's HTML and the browser's render agree.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"} ago`;

/** "just now", "45 min ago", "3 hours ago", "yesterday", "4 days ago", "2 weeks ago", "5 months ago", "2 years ago". */
export function formatRelative(date: string | Date, now: number): string {
  const elapsed = Math.max(0, now - new Date(date).getTime());
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), "hour");
  const days = Math.floor(elapsed / DAY);
  if (days === 1) return "yesterday";
  if (days < 7) return plural(days, "day");
  if (days < 30) return plural(Math.floor(days / 7), "week");
  if (days < 365) return plural(Math.floor(days / 30), "month");
  return plural(Math.floor(days / 365), "year");
}

/** "2026-12-01 19:36 UTC". */
export function formatAbsolute(date: string | Date): string {
  const iso = new Date(date).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** 0.8333 → "83%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
