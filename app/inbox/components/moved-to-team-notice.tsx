/**
 * "Moved to Billing": right after the agent moved the open conversation to a team they are not
 * in (/inbox?moved=<id>). The empty third pane says it on a desk; on a phone that pane is hidden
 * behind the list, so the same notice shows as a banner above the list instead (inbox.css shows
 * one or the other). Whichever is on screen takes the focus the Move dialog had, which also has
 * a screen reader say it.
 */
import { useEffect, useRef } from "react";
import { Icon } from "~/components/icons";
import type { MovedToTeam } from "../view";

export function MovedToTeamNotice({ moved, variant }: { moved: MovedToTeam; variant: "pane" | "banner" }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const element = heading.current;
    // Hidden by the layout (display: none) it has no boxes: the other copy is the one on screen.
    if (element && element.getClientRects().length > 0) element.focus();
  }, []);
  const words = (
    <>
      <h2 ref={heading} tabIndex={-1}>
        Moved to {moved.teamName}
      </h2>
      <p>It waits in the {moved.teamName} team's queue, unassigned. Pick another conversation from the list.</p>
    </>
  );
  if (variant === "pane") {
    return (
      <div className="inbox-placeholder" role="status">
        <span className="inbox-placeholder__icon">
          <Icon name="swap" size={22} />
        </span>
        {words}
      </div>
    );
  }
  return (
    <div className="inbox-moved-banner" role="status">
      <span className="inbox-moved-banner__icon">
        <Icon name="swap" size={16} />
      </span>
      <div>{words}</div>
    </div>
  );
}
