/** How a conversation that left the viewer's reach is told (moved-away.server.ts finds which). Client-safe. */
import type { MovedAway } from "./view";

/** "Moved to Billing by Ana", "You're no longer in Support". */
export function movedAwayTitle(moved: MovedAway): string {
  if (moved.kind === "leftTeam") return `You're no longer in ${moved.teamName}`;
  return moved.byName ? `Moved to ${moved.teamName} by ${moved.byName}` : `Moved to ${moved.teamName}`;
}

/** Where it is now, under the title. */
export function movedAwayDetail(moved: MovedAway): string {
  if (moved.kind === "leftTeam") return "This conversation went back to its queue for the rest of the team, so it has closed here.";
  return `It's in the ${moved.teamName} team's queue now, outside your teams, so it has closed here.`;
}

/** The composer's answer to a reply or note sent after it left: not sent, and why. */
export function movedAwayRefusal(moved: MovedAway): string {
  if (moved.kind === "leftTeam") return `Not sent. You're no longer in ${moved.teamName}; this conversation went back to its queue.`;
  return `Not sent. ${movedAwayTitle(moved)}, outside your teams.`;
}
