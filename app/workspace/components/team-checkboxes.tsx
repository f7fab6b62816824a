/** One checkbox per team, named `teamIds`; `form` ties them to a form elsewhere in the row. */
export type TeamChoice = { id: string; name: string };

export function TeamCheckboxes({ teams, checked, form }: { teams: TeamChoice[]; checked: string[]; form?: string }) {
  return teams.map((team) => (
    <label key={team.id} className="checkbox">
      <input type="checkbox" name="teamIds" value={team.id} form={form} defaultChecked={checked.includes(team.id)} />
      {team.name}
    </label>
  ));
}
