/**
 * One weekday of a team's hours form: open or closed, and its openings (from–to), up to four — a
 * split shift or a lunch break. Openings are added and removed here; the field names follow their
 * position (openingFieldNames), so the form always sends them as 1, 2, 3… and the server checks them.
 */
import { useRef, useState } from "react";
import type { Weekday } from "../business-hours";
import { MAX_OPENINGS_PER_DAY, WEEKDAY_LABELS, openingFieldNames } from "../team-hours-form";

type Opening = { key: number; from: string; to: string };

/** `<input type="time">` cannot show 24:00 (end of day): it shows the last minute instead. */
const shownTime = (time: string) => (time === "24:00" ? "23:59" : time);

export function TeamHoursDay({ teamId, day, stored, error }: { teamId: string; day: Weekday; stored: Array<[string, string]>; error: string | undefined }) {
  const label = WEEKDAY_LABELS[day];
  const nextKey = useRef(Math.max(stored.length, 1));
  const [openings, setOpenings] = useState<Opening[]>(() =>
    stored.length > 0 ? stored.map(([from, to], key) => ({ key, from: shownTime(from), to: shownTime(to) })) : [{ key: 0, from: "09:00", to: "17:00" }],
  );
  const add = () => {
    const last = openings[openings.length - 1];
    // The next opening starts an hour after the last one closes, a sensible guess to edit.
    const from = last ? addHour(last.to) : "09:00";
    setOpenings([...openings, { key: nextKey.current++, from, to: addHour(from) }]);
  };
  const remove = (key: number) => setOpenings(openings.filter((opening) => opening.key !== key));
  const errorId = `${teamId}-${day}-hours-error`;
  return (
    <div className="team-hours__day" role="group" aria-label={`${label} hours`} aria-describedby={error ? errorId : undefined}>
      <label className="checkbox">
        <input type="checkbox" name={`${day}Open`} defaultChecked={stored.length > 0} />
        {label}
      </label>
      <div className="team-hours__openings">
        {openings.map((opening, index) => {
          const names = openingFieldNames(day, index);
          const which = index === 0 ? label : `${label}, opening ${index + 1},`;
          return (
            <div key={opening.key} className="team-hours__opening">
              <input className="input team-hours__time" type="time" name={names.from} defaultValue={opening.from} aria-label={`${which} opens at`} aria-invalid={error ? true : undefined} />
              <span aria-hidden="true">–</span>
              <input className="input team-hours__time" type="time" name={names.to} defaultValue={opening.to} aria-label={`${which} closes at`} aria-invalid={error ? true : undefined} />
              {/* The slot stays when empty, so every day's "Add opening" lines up. */}
              <span className="team-hours__remove">
                {openings.length > 1 ? (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => remove(opening.key)} aria-label={`Remove ${label} opening ${index + 1}`}>
                    Remove
                  </button>
                ) : null}
              </span>
            </div>
          );
        })}
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : null}
      </div>
      <button type="button" className="btn btn-ghost btn-sm team-hours__add" onClick={add} disabled={openings.length >= MAX_OPENINGS_PER_DAY} aria-label={`Add opening on ${label}`}>
        Add opening
      </button>
    </div>
  );
}

function addHour(time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  const next = Math.min((Number.isFinite(hours) ? hours : 8) + 1, 23);
  return `${String(next).padStart(2, "0")}:${String(Number.isFinite(minutes) ? minutes : 0).padStart(2, "0")}`;
}
