/** "Invite a person": name, email, role and teams; no password (they choose it through their link). */
import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/form";
import { Icon } from "~/components/icons";
import type { FieldErrors } from "~/components/form";
import type { TeamChoice } from "./team-checkboxes";
import { TeamCheckboxes } from "./team-checkboxes";
import { TEAMS_INTENTS } from "./teams-action";

export function InvitePersonForm({ teams, errors, resetKey }: { teams: TeamChoice[]; errors: FieldErrors; resetKey: number }) {
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === TEAMS_INTENTS.invitePerson;
  return (
    <Form method="post" className="stack" noValidate aria-label="Invite a person" key={`person-${resetKey}`}>
      <div>
        <h3 className="form-title">Invite a person</h3>
        <p className="hint">Baton makes a one-time link for you to send them; they choose their own password.</p>
      </div>
      <input type="hidden" name="intent" value={TEAMS_INTENTS.invitePerson} />
      <div className="grid-2">
        <Field label="Name" name="name" autoComplete="off" placeholder="Cara Agent" error={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="off" placeholder="cara@company.com" error={errors.email} />
        <div className="field">
          <label className="label" htmlFor="new-person-role">
            Role
          </label>
          <select id="new-person-role" name="role" className="select" defaultValue="agent">
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
          {errors.role ? <p className="field-error">{errors.role}</p> : null}
        </div>
      </div>
      {teams.length > 0 ? (
        <fieldset className="checkbox-group">
          <legend className="label">Teams</legend>
          <TeamCheckboxes teams={teams} checked={[]} />
        </fieldset>
      ) : null}
      <div>
        <button type="submit" className="btn btn-primary" disabled={sending}>
          <Icon name="plus" size={16} />
          Invite
        </button>
      </div>
    </Form>
  );
}
