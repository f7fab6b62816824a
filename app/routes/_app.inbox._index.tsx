/**
 * /inbox with no conversation open: the third pane invites a pick, or, right after the agent
 * moved the open conversation to a team they are not in (`?moved=<id>`), says where it went.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { getInboxViewer } from "~/inbox/access.server";
import { findMoveAway } from "~/inbox/moved-away.server";
import { LIST_TITLE_ID } from "~/inbox/components/conversation-list";
import { MOVED_PARAM } from "~/inbox/moved-notice";
import { isPhoneLayout } from "~/inbox/phone-layout";
import { attentionFrom, inboxTitle } from "~/inbox/title";
import type { MovedAway } from "~/inbox/view";

export const meta: MetaFunction = ({ matches }) => [{ title: inboxTitle(attentionFrom(matches)) }];

const MovedIdSchema = z.string().min(1).max(64);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const movedId = MovedIdSchema.safeParse(new URL(request.url).searchParams.get(MOVED_PARAM));
  if (!movedId.success) return { moved: null };
  // Said only to people of the team it left (findMoveAway checks): anyone else learns nothing.
  return { moved: await findMoveAway(await getInboxViewer(user), movedId.data) };
}

export default function InboxIndex() {
  const { moved } = useLoaderData<typeof loader>();
  if (moved) return <MovedNotice key={moved.at} moved={moved} />;
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

function MovedNotice({ moved }: { moved: MovedAway }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The Move dialog that had focus closed with the conversation: put focus on what happened, or,
  // in the phone layout where this pane is hidden behind the list, on the list's heading.
  useEffect(() => (isPhoneLayout() ? document.getElementById(LIST_TITLE_ID) : heading.current)?.focus(), []);
  return (
    <div className="inbox-placeholder" role="status">
      <span className="inbox-placeholder__icon">
        <Icon name="swap" size={22} />
      </span>
      <h2 ref={heading} tabIndex={-1}>
        Moved to {moved.teamName}
      </h2>
      <p>It waits in the {moved.teamName} team's queue, unassigned. Pick another conversation from the list.</p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
