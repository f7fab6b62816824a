import type { ChatStatus, ConversationDetails } from "./types";

/** "about 4 min", "about 2 h", or "a few minutes" when there is no recent data to go on. */
export function formatWait(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return "a few minutes";
  if (minutes < 1.5) return "about 1 min";
  if (minutes < 60) return `about ${Math.round(minutes)} min`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} h`;
}

/** The header's status line under the flow's name. */
export function describeStatus(status: ChatStatus, details: Pick<ConversationDetails, "team" | "waitMinutes" | "assignee">): string {
  const teamName = details.team?.name;
  switch (status) {
    case "bot":
      return "Bot · replies instantly";
    case "waiting":
      // Non-breaking spaces keep "about 4 min" on one line when the header wraps.
      return `Waiting for the ${teamName ? `${teamName} team` : "team"} · ${formatWait(details.waitMinutes).replace(/ /g, "\u00a0")}`;
    case "open":
      if (details.assignee) {
        const team = details.assignee.team ?? teamName;
        return team ? `${details.assignee.name} from ${team}` : details.assignee.name;
      }
      return teamName ? `${teamName} team` : "Support team";
    case "resolved":
      return "Conversation resolved";
  }
}

/** Short local time for a message's meta line; empty when the timestamp is unreadable. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}
