/**
 * /inbox with no conversation open: the third pane invites a pick, or, right after the agent
 * moved the open conversation to a team they are not in (`?moved=<id>`), says where it went (on a
 * phone, where this pane is hidden, the inbox layout shows the same notice above the list).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { getInboxViewer } from "~/inbox/access.server";
import { findMoveAway } from "~/inbox/moved-away.server";
import { MovedToTeamNotice } from "~/inbox/components/moved-to-team-notice";
import { MOVED_PARAM } from "~/inbox/moved-notice";
import { attentionFrom, inboxTitle } from "~/inbox/title";

export const meta: MetaFunction = ({ matches }) => [{ title: inboxTitle(attentionFrom(matches)) }];

const MovedIdSchema = z.string().min(1).max(64);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const movedId = MovedIdSchema.safeParse(new URL(request.url).searchParams.get(MOVED_PARAM));
  if (!movedId.success) return { moved: null };
  // Said only to people of the team it left (findMoveAway checks): anyone else learns nothing.
  const moved = await findMoveAway(await getInboxViewer(user), movedId.data);
  // The parameter follows the agent's own move: only a move is this notice's.
  return { moved: moved?.kind === "moved" ? moved : null };
}

export default function InboxIndex() {
  const { moved } = useLoaderData<typeof loader>();
  if (moved) return <MovedToTeamNotice key={moved.at} moved={moved} variant="pane" />;
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
