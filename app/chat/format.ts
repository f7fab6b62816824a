import { chatTextsFor, type ChatTexts } from "./chat-texts";
import { describeOpening } from "~/workspace/business-hours";
import type { ChatAway, ChatStatus, ConversationDetails } from "./types";

const ENGLISH = chatTextsFor("en");

/** "about 4 min", "about 2 h", or "a few minutes" when there is no recent data to go on. */
export function formatWait(minutes: number | null, texts: ChatTexts = ENGLISH): string {
  if (minutes === null || !Number.isFinite(minutes)) return texts.wait.unknown;
  if (minutes < 1.5) return texts.wait.minute;
  if (minutes < 60) return texts.wait.minutes(Math.round(minutes));
  return texts.wait.hours(Math.round(minutes / 60));
}

/** "Monday 09:00 (Europe/Berlin)": when a closed team opens, in its own time zone; null when unknown. */
export function describeAwayOpening(away: Pick<ChatAway, "opensAt" | "timeZone">, texts: ChatTexts = ENGLISH, now = new Date()): string | null {
  if (!away.opensAt) return null;
  return `${describeOpening(new Date(away.opensAt), now, away.timeZone, texts.locale, texts.away.day)} (${away.timeZone})`;
}

/** The header's status line under the chat's title. */
export function describeStatus(
  status: ChatStatus,
  details: Pick<ConversationDetails, "team" | "waitMinutes" | "assignee"> & { away?: ConversationDetails["away"] },
  texts: ChatTexts = ENGLISH,
  now = new Date(),
): string {
  const teamName = details.team?.name ?? null;
  switch (status) {
    case "bot":
      return texts.status.bot;
    case "waiting": {
      const away = details.away;
      if (away?.reason === "nobodyOnline") return texts.status.waiting(teamName, texts.away.statusOffline);
      const opening = away?.reason === "closed" ? describeAwayOpening(away, texts, now) : null;
      if (opening) return texts.status.waiting(teamName, texts.away.statusClosed(opening));
      // Non-breaking spaces keep "about 4 min" on one line when the header wraps.
      return texts.status.waiting(teamName, formatWait(details.waitMinutes, texts).replace(/ /g, "\u00a0"));
    }
    case "open":
      return details.assignee ? texts.status.open(details.assignee.name, details.assignee.team ?? teamName) : texts.status.open(null, teamName);
    case "resolved":
      return texts.status.resolved;
  }
}

/** Short local time for a message's meta line; empty when the timestamp is unreadable. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}
