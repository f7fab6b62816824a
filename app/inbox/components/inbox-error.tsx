/**
 * The conversation pane's error: a conversation that left the viewer's reach while they had it
 * open ("Moved to Billing by Ana", "You're no longer in Support"), another team's conversation
 * (403), one that does not exist (404), or a crash.
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { errorStatus } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { RetryingAfterAbort, useRetryAfterAbort } from "~/components/retry-after-abort";
import { movedAwayDetail, movedAwayTitle } from "../moved-away-words";
import type { MovedAway } from "../view";

const COPY: Record<number, { title: string; text: string }> = {
  403: { title: "This conversation belongs to another team", text: "You can open conversations of your own teams. Ask an admin if you need this one." },
  404: { title: "Conversation not found", text: "It may have been removed, or the link is wrong." },
};

function movedAwayOf(error: unknown): MovedAway | null {
  if (!isRouteErrorResponse(error) || error.status !== 403) return null;
  const moved = (error.data as { moved?: MovedAway } | null)?.moved;
  return moved && typeof moved.teamName === "string" && (moved.kind === "moved" || moved.kind === "leftTeam") ? moved : null;
}

export function InboxErrorBoundary() {
  const error = useRouteError();
  const retrying = useRetryAfterAbort(error);
  const moved = movedAwayOf(error);
  if (moved) return <MovedAwayNotice moved={moved} />;
  if (retrying) return <RetryingAfterAbort />;
  const status = errorStatus(error);
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  const copy = COPY[status] ?? { title: "Something went wrong", text: "We couldn't load this conversation. Try again in a moment." };
  return (
    <div className="inbox-placeholder" role="alert">
      <span className="inbox-placeholder__icon">
        <Icon name={status === 403 ? "lock" : "alert"} size={22} />
      </span>
      <p className="error-page-code">Error {status}</p>
      <h2>{copy.title}</h2>
      <p>{copy.text}</p>
      <Link to="/inbox" className="btn btn-secondary btn-sm">
        Back to the inbox
      </Link>
    </div>
  );
}

function MovedAwayNotice({ moved }: { moved: MovedAway }) {
  return (
    <div className="inbox-placeholder" role="status">
      <span className="inbox-placeholder__icon">
        <Icon name="swap" size={22} />
      </span>
      <h2>{movedAwayTitle(moved)}</h2>
      <p>{movedAwayDetail(moved)}</p>
      <Link to="/inbox" className="btn btn-secondary btn-sm">
        Back to the inbox
      </Link>
    </div>
  );
}
