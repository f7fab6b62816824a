/** /inbox with no conversation open: the third pane invites a pick. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { attentionFrom, inboxTitle } from "~/inbox/title";

export const meta: MetaFunction = ({ matches }) => [{ title: inboxTitle(attentionFrom(matches)) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function InboxIndex() {
  return (
    <div className="inbox-placeholder">
      <span className="inbox-placeholder__icon">
        <Icon name="inbox" size={22} />
      </span>
      <h2>Pick a conversation</h2>
      <p>Conversations the bot hands off land in your team's queue with everything it learned. New ones appear here as they arrive.</p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
