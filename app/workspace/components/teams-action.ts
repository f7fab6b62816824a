/** What the teams page's action answers, its action names, and how each card picks out what concerns it. Client-safe. */
import type { FieldErrors, FormErrors } from "~/utils/parse-form";

/** The `intent` each form of the page sends, shared by the route's schema and the cards. */
export const TEAMS_INTENTS = {
  createTeam: "create-team",
  removeTeam: "remove-team",
  setQueue: "set-queue",
  setHours: "set-hours",
  invitePerson: "invite-person",
  savePerson: "save-person",
  newLink: "new-link",
  deactivatePerson: "deactivate-person",
  reactivatePerson: "reactivate-person",
  removePerson: "remove-person",
} as const;
export type TeamsIntent = (typeof TEAMS_INTENTS)[keyof typeof TEAMS_INTENTS];

/** A one-time link, shown once to the admin to send (the database keeps only its hash). */
export type ShownLink = { url: string; name: string; purpose: "invite" | "reset" };

export type TeamsActionData =
  | { ok: true; intent: TeamsIntent; notice: string; at: number; link?: ShownLink; /** The team or person saved, where one form of many sent it (set-hours). */ targetId?: string }
  | ({ ok: false; intent?: TeamsIntent; targetId?: string } & FormErrors);

const TEAM_INTENTS: TeamsIntent[] = [TEAMS_INTENTS.createTeam, TEAMS_INTENTS.removeTeam, TEAMS_INTENTS.setQueue, TEAMS_INTENTS.setHours];

export function isTeamIntent(intent: TeamsIntent | undefined): boolean {
  return intent !== undefined && TEAM_INTENTS.includes(intent);
}

/** The failed answer, when it is about this card. */
export function failureFor(result: TeamsActionData | undefined, card: "people" | "teams") {
  if (!result || result.ok) return undefined;
  return isTeamIntent(result.intent) === (card === "teams") ? result : undefined;
}

/** Field errors of a failed `intent`, for the form that sent it. */
export function fieldErrorsFor(result: TeamsActionData | undefined, intent: TeamsIntent): FieldErrors {
  return result && !result.ok && result.intent === intent ? result.fieldErrors : {};
}
