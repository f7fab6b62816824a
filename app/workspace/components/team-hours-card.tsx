/**
 * Business hours per team (Teams page): when the team answers, in which time zone, closed dates,
 * and what the customer is asked when nobody can answer soon. Outside these hours, or with no
 * member online, the customer's handoff notice says so and offers to leave an email.
 */
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field } from "~/components/form";
import { useRefocusAfterSave } from "~/components/use-refocus-after-save";
import { isAlwaysOpen, parseBusinessHours, type BusinessHours } from "../business-hours";
import { WEEK_ORDER, summariseHours } from "../team-hours-form";
import { CardAlert, CardHeader } from "./card-parts";
import { TeamHoursDay } from "./team-hours-day";
import { failureFor, type TeamsActionData } from "./teams-action";

type TeamWithHours = { id: string; name: string; timeZone: string; hours: string; holidays: string; awayEmailPrompt: string };

// A fixed list (not Intl.supportedValuesOf, which differs between the server's and the browser's ICU); any IANA name typed is accepted.
const COMMON_TIME_ZONES = [
  "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Amsterdam", "Europe/Warsaw",
  "Europe/Helsinki", "Europe/Istanbul", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
  "America/Mexico_City", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
];

export function TeamHoursCard({ teams, result }: { teams: TeamWithHours[]; result: TeamsActionData | undefined }) {
  const failure = failureFor(result, "teams");
  const withHours = teams.filter((team) => !isAlwaysOpen(parseBusinessHours(team))).length;
  return (
    <section className="card" aria-labelledby="hours-heading">
      <CardHeader
        id="hours-heading"
        title="Business hours"
        description="When each team answers. Outside these hours, or when no one of the team is online (marked available with a Baton page open in the last 3 minutes), the customer is told when to expect a reply and may leave an email; the conversation waits in the queue."
        badge={`${withHours} of ${teams.length} with hours`}
      />
      <CardAlert message={failure?.intent === "set-hours" ? failure.formError : undefined} />
      <datalist id="time-zones">
        {COMMON_TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className="card-body stack">
        {teams.map((team) => (
          <TeamHoursForm
            key={`${team.id}-${team.hours}-${team.timeZone}-${team.holidays}-${team.awayEmailPrompt}`}
            team={team}
            errors={failure?.intent === "set-hours" && failure.targetId === team.id ? failure.fieldErrors ?? {} : {}}
            saved={result?.ok === true && result.intent === "set-hours" && result.targetId === team.id}
          />
        ))}
      </div>
    </section>
  );
}

function TeamHoursForm({ team, errors, saved }: { team: TeamWithHours; errors: Partial<Record<string, string>>; saved: boolean }) {
  const hours: BusinessHours = parseBusinessHours(team);
  const [alwaysOpen, setAlwaysOpen] = useState(WEEK_ORDER.every((day) => !hours.weekly[day]?.length));
  // Keyed by the stored hours, a saved form comes back as a new, closed <details>: the team whose
  // Save was pressed opens again, with focus back on that button.
  const save = useRefocusAfterSave(`hours:${team.id}`);
  const justSaved = saved && save.returning;
  const hasErrors = Object.keys(errors).length > 0;
  // Open as the admin left it: other saves on the page (which change `saved`) neither open nor close it.
  const [open, setOpen] = useState(justSaved || hasErrors);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  return (
    <details className="team-hours" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <strong>{team.name}</strong> <span className="muted">· {summariseHours(hours)}{hours.holidays.length ? ` · ${hours.holidays.length} closed date${hours.holidays.length === 1 ? "" : "s"}` : ""}</span>
      </summary>
      <Form method="post" className="stack team-hours__form" noValidate aria-label={`Business hours of ${team.name}`} onSubmit={save.markSaving}>
        <input type="hidden" name="intent" value="set-hours" />
        <input type="hidden" name="teamId" value={team.id} />
        <div className="grid-2">
          <Field label="Time zone" name="timeZone" defaultValue={hours.timeZone} list="time-zones" autoComplete="off" spellCheck={false} error={errors.timeZone} hint="An IANA name, e.g. Europe/Berlin." />
          <div className="field team-hours__always">
            {/* An empty caption as tall as "Time zone", so the checkbox sits on the input's line. */}
            <span className="label" aria-hidden="true">
              &nbsp;
            </span>
            <label className="checkbox">
              <input type="checkbox" name="alwaysOpen" checked={alwaysOpen} onChange={(event) => setAlwaysOpen(event.currentTarget.checked)} />
              Always open (24/7)
            </label>
          </div>
        </div>
        {errors.alwaysOpen ? <p className="field-error">{errors.alwaysOpen}</p> : null}
        {!alwaysOpen ? (
          <fieldset className="team-hours__week">
            <legend className="label">Weekly hours (up to 4 openings a day, e.g. a lunch break)</legend>
            {WEEK_ORDER.map((day) => (
              <TeamHoursDay key={day} teamId={team.id} day={day} stored={hours.weekly[day] ?? []} error={errors[`${day}From`]} />
            ))}
          </fieldset>
        ) : null}
        <div className="grid-2">
          <div className="field">
            <label className="label" htmlFor={`${team.id}-holidays`}>
              Closed dates (one per line)
            </label>
            <textarea id={`${team.id}-holidays`} className="input textarea" name="holidays" rows={3} defaultValue={hours.holidays.join("\n")} placeholder="2026-12-25" aria-invalid={errors.holidays ? true : undefined} />
            {errors.holidays ? <p className="field-error">{errors.holidays}</p> : <p className="hint">In the team's time zone, YYYY-MM-DD.</p>}
          </div>
          <Field
            label="Email offer when no one can answer"
            name="awayEmailPrompt"
            defaultValue={team.awayEmailPrompt}
            maxLength={200}
            placeholder="Leave your email so the team can get back to you even if you close this page."
            hint="Empty: the chat's default wording, in the flow's language."
            error={errors.awayEmailPrompt}
          />
        </div>
        <div className="row">
          <button ref={save.ref} type="submit" className="btn btn-primary btn-sm">
            Save hours of {team.name}
          </button>
          {/* Beside the button for the eye; the page's notice at the top is what is announced. */}
          {justSaved ? <span className="muted">Saved.</span> : null}
        </div>
      </Form>
    </details>
  );
}
