/** What the teams page's action answers, and how each card picks out what concerns it. Client-safe. */
import type { FieldErrors, FormErrors } from "~/utils/parse-form";

export type TeamsIntent =
  | "create-team"
  | "remove-team"
  | "set-queue"
  | "invite-person"
  | "save-person"
  | "new-link"
  | "deactivate-person"
  | "reactivate-person"
  | "remove-person";

/** A one-time link, shown once to the admin to send (the database keeps only its hash). */
export type ShownLink = { url: string; name: string; purpose: "invite" | "reset" };

export type TeamsActionData =
  | { ok: true; intent: TeamsIntent; notice: string; at: number; link?: ShownLink }
  | ({ ok: false; intent?: TeamsIntent; targetId?: string } & FormErrors);

const TEAM_INTENTS: TeamsIntent[] = ["create-team", "remove-team", "set-queue"];

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
