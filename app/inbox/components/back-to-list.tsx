/**
 * "Back" to the conversation list, for the phone layout where a page of the inbox (a
 * conversation, saved replies, a contact) replaces the list; inbox.css hides it on wider screens.
 * The list's query (queue, search, label filter) is kept; `returnFocusTo` names the row that gets
 * the focus back.
 */
import { Link, useLocation } from "@remix-run/react";
import { Icon } from "~/components/icons";
import type { ReturnFocusState } from "../phone-layout";

export function BackToList({ returnFocusTo, className }: { returnFocusTo?: string; className?: string }) {
  const { search } = useLocation();
  const state: ReturnFocusState | undefined = returnFocusTo ? { returnFocusTo } : undefined;
  return (
    <Link to={`/inbox${search}`} state={state} className={`btn btn-ghost btn-sm inbox-back${className ? ` ${className}` : ""}`}>
      <Icon name="chevron-left" size={16} />
      Back<span className="visually-hidden"> to the conversations</span>
    </Link>
  );
}
