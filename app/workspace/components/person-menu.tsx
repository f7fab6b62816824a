/** The rarer actions on a person, behind "More": a new link, deactivate or reactivate, remove. */
import { Form } from "@remix-run/react";
import { useCallback, useId, useRef, useState } from "react";
import { Icon } from "~/components/icons";
import { useDismissOnOutsideClick } from "~/components/use-dismiss";
import type { PersonSummary } from "./person-row";
import { useMenuPosition } from "./use-menu-position";
import { TEAMS_INTENTS, type TeamsIntent } from "./teams-action";

export function PersonMenu({ person, isMe }: { person: PersonSummary; isMe: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const position = useMenuPosition(trigger, panel, open);
  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsideClick(root, open, close);
  const active = !person.deactivated;
  return (
    <div
      ref={root}
      className="person-menu"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        close();
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        aria-label={`More actions for ${person.name}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" size={16} />
      </button>
      {open ? (
        // A submitted action closes the menu; the page answers with a notice or an error.
        <div ref={panel} className="person-menu-list" id={listId} style={position} onSubmit={close}>
          {active ? <MenuAction person={person} intent={TEAMS_INTENTS.newLink} label={person.invited ? "New invitation link" : "Reset password"} /> : null}
          {isMe ? null : active ? <MenuAction person={person} intent={TEAMS_INTENTS.deactivatePerson} label="Deactivate" /> : <MenuAction person={person} intent={TEAMS_INTENTS.reactivatePerson} label="Reactivate" />}
          {isMe ? null : <MenuAction person={person} intent={TEAMS_INTENTS.removePerson} label="Remove" danger />}
        </div>
      ) : null}
    </div>
  );
}

function MenuAction({ person, intent, label, danger }: { person: PersonSummary; intent: TeamsIntent; label: string; danger?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={person.id} />
      <button type="submit" className={danger ? "person-menu-item person-menu-danger" : "person-menu-item"} aria-label={`${label}: ${person.name}`}>
        {label}
      </button>
    </Form>
  );
}
