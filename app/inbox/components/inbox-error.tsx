/** The conversation pane's error: another team's conversation (403), one that does not exist (404), or a crash. */
import { Link, useRouteError } from "@remix-run/react";
import { errorStatus } from "~/components/error-page";
import { Icon } from "~/components/icons";

const COPY: Record<number, { title: string; text: string }> = {
  403: { title: "This conversation belongs to another team", text: "You can open conversations of your own teams. Ask an admin if you need this one." },
  404: { title: "Conversation not found", text: "It may have been removed, or the link is wrong." },
};

export function InboxErrorBoundary() {
  const error = useRouteError();
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
