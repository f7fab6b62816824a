/**
 * The composer's saved-reply menu: filter by title or text, pick one to insert it at the cursor.
 * Shown even when the team has none yet, saying where they are added: an agent who never sees
 * the button never learns the feature exists.
 */
import { Link } from "@remix-run/react";
import { useCallback, useId, useRef, useState } from "react";
import { Icon } from "~/components/icons";
import type { SavedReplyItem } from "../view";
import { useDismissOnOutsideClick } from "~/components/use-dismiss";

type Props = {
  replies: SavedReplyItem[];
  /** The conversation's team, whose saved replies these are (null: no team, so none apply). */
  teamName: string | null;
  onPick: (text: string) => void;
};

export function SavedReplyPicker({ replies, teamName, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsideClick(root, open, close);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? replies.filter((reply) => `${reply.title} ${reply.text}`.toLowerCase().includes(needle)) : replies;
  const pick = (reply: SavedReplyItem) => {
    onPick(reply.text);
    setOpen(false);
    setFilter("");
  };
  return (
    <div className="picker" ref={root} onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button type="button" className="btn btn-ghost btn-sm" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <Icon name="bookmark" size={14} />
        Saved replies
      </button>
      {open && replies.length === 0 ? (
        <div className="picker__panel" id={listId}>
          <NoSavedReplies teamName={teamName} />
        </div>
      ) : open ? (
        <div className="picker__panel" id={listId}>
          <input
            className="input picker__filter"
            aria-label="Find a saved reply"
            placeholder="Find a saved reply…"
            value={filter}
            autoFocus
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && shown[0]) {
                event.preventDefault();
                pick(shown[0]);
              }
            }}
          />
          <ul className="picker__list">
            {shown.length === 0 ? <li className="picker__empty">No saved reply matches.</li> : null}
            {shown.map((reply) => (
              <li key={reply.id}>
                <button type="button" className="picker__item" onClick={() => pick(reply)}>
                  <span className="picker__title">{reply.title}</span>
                  <span className="picker__text">{reply.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Whoever sees the composer may manage the team's saved replies (its agents and admins), so the way there is a link. */
function NoSavedReplies({ teamName }: { teamName: string | null }) {
  if (!teamName) return <p className="picker__empty">Saved replies belong to a team, and this conversation is not with one.</p>;
  return (
    <div className="picker__none">
      <p className="picker__none-title">No saved replies for {teamName} yet.</p>
      <p>
        Answers your team sends often, one click away. Add them under{" "}
        <Link to="/inbox/saved-replies" prefetch="intent">
          Saved replies
        </Link>
        ; everyone in {teamName} sees them here.
      </p>
    </div>
  );
}
