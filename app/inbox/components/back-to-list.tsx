/**
 * "Back" to the conversation list, for the phone layout where a page of the inbox (a
 * conversation, saved replies, a contact) replaces the list; inbox.css hides it on wider screens.
 * When the page was opened from the list, Back is a step back in the browser's history (the list
 * as it was, and the browser's own Back does not reopen the page just left); otherwise it
 * replaces this entry with the list, keeping its query (queue, search, label filter), so history
 * does not grow. `returnFocusTo` names the row that gets the focus back.
 */
import { Link, useLocation, useNavigate } from "@remix-run/react";
import type { MouseEvent } from "react";
import { Icon } from "~/components/icons";
import { cameFromList, rememberReturnFocus, type ReturnFocusState } from "../phone-layout";

export function BackToList({ returnFocusTo, className }: { returnFocusTo?: string; className?: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const state: ReturnFocusState | undefined = returnFocusTo ? { returnFocusTo } : undefined;
  const to = `/inbox${location.search}`;
  const goBack = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window keeps the link's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (location.key !== "default" && cameFromList(location.state)) {
      rememberReturnFocus(returnFocusTo ?? null);
      navigate(-1);
    } else navigate(to, { replace: true, state });
  };
  return (
    <Link to={to} state={state} onClick={goBack} className={`btn btn-ghost btn-sm inbox-back${className ? ` ${className}` : ""}`}>
      <Icon name="chevron-left" size={16} />
      Back<span className="visually-hidden"> to the conversations</span>
    </Link>
  );
}
