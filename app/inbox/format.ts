/** Display helpers of the inbox (client-safe, pure). */

/** "45s", "4m", "1h 05m", "3d 2h": how long someone has been waiting, short enough for a list row. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** True when a waiting customer has waited longer than the team's target. */
export function isSlaBreached(waitingSince: string | null, slaMinutes: number | null, now: number): boolean {
  if (!waitingSince || slaMinutes === null) return false;
  return now - new Date(waitingSince).getTime() > slaMinutes * 60_000;
}

/** "order_status" → "Order status". */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

/** "12:04" today, "Mar 3, 12:04" another day. */
export function formatWhen(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const time = date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { month: "short", day: "numeric" })}, ${time}`;
}

/**
 * A summary of several lines ("Customer asked for a person" / "The customer's last two
 * messages: …") in a two-line preview: the lines joined with " · ", never run together.
 */
export function summaryPreview(summary: string): string {
  const lines = summary
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  // A line ending in ":" introduces the next one, so it runs on with a space.
  return lines.reduce((text, line, index) => (index === 0 ? line : `${text}${lines[index - 1].endsWith(":") ? " " : " · "}${line}`), "");
}
