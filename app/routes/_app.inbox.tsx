/**
 * The inbox frame (agents and admins): queues, the chosen queue's list, and the open
 * conversation (child routes) in three panes; on a phone one at a time (`inbox--detail`: a
 * child page is open, so it is the one shown). Live: see useInboxEvents. The tab title carries
 * the count of conversations that need someone (waiting in my teams + my unread).
 */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useParams, useRouteLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { getInboxViewer } from "~/inbox/access.server";
import { setAvailability, setNotifyOnHandoff } from "~/inbox/agent-settings.server";
import { BackToList } from "~/inbox/components/back-to-list";
import { ConversationList } from "~/inbox/components/conversation-list";
import { MovedToTeamNotice } from "~/inbox/components/moved-to-team-notice";
import { QueuePane } from "~/inbox/components/queue-pane";
import { ensureInboxDispatcher } from "~/inbox/dispatcher.server";
import { parseQueueKey, queueLabel } from "~/inbox/queues";
import { listLabels } from "~/inbox/labels.server";
import { getQueueOverview, listQueue } from "~/inbox/queues.server";
import { searchConversations } from "~/inbox/search.server";
import { inboxTitle } from "~/inbox/title";
import { useInboxEvents } from "~/inbox/use-inbox-events";
import { useNow } from "~/inbox/use-now";
import inboxStyles from "~/styles/inbox.css";
import { parseForm } from "~/utils/parse-form";
import { INBOX_SETTINGS_INTENTS } from "~/inbox/intents";
import type { loader as conversationLoader } from "./_app.inbox.$conversationId";
import type { loader as indexLoader } from "./_app.inbox._index";

export const handle = { compactShell: true };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inboxStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: inboxTitle(loaded?.attention ?? 0) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  ensureInboxDispatcher();
  const viewer = await getInboxViewer(user);
  const { queue, q, label } = parseListParams(new URL(request.url).searchParams);
  const [overview, rows, labels] = await Promise.all([
    getQueueOverview(viewer),
    q ? searchConversations(viewer, q) : listQueue(viewer, queue, { labelId: label }),
    listLabels(),
  ]);
  const labelName = labels.find((candidate) => candidate.id === label)?.name;
  return {
    me: { id: viewer.id, availability: viewer.availability, notifyOnHandoff: viewer.notifyOnHandoff },
    queue,
    search: q,
    label: labelName ? label : null,
    labels,
    title: q ? `Search: ${q}` : labelName ? `${queueLabel(queue, viewer.teams)} · ${labelName}` : queueLabel(queue, viewer.teams),
    queues: overview.queues,
    attention: overview.attention,
    rows: rows ?? [],
    missingQueue: rows === null,
    now: Date.now(),
  };
}

const ListParamsSchema = z.object({
  q: z.string().trim().max(200).catch("").transform((value) => value || null),
  label: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable().catch(null),
});

function parseListParams(params: URLSearchParams) {
  const { q, label } = ListParamsSchema.parse({ q: params.get("q") ?? "", label: params.get("label") });
  return { queue: parseQueueKey(params.get("queue")), q, label };
}

const SettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(INBOX_SETTINGS_INTENTS.availability), availability: z.enum(["online", "away"], { error: "Choose online or away" }) }),
  z.object({ intent: z.literal(INBOX_SETTINGS_INTENTS.notify), notify: z.enum(["on", "off"], { error: "Choose on or off" }) }),
], { error: "Unknown action" });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(await request.formData(), SettingsSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (parsed.data.intent === INBOX_SETTINGS_INTENTS.availability) await setAvailability(user.id, parsed.data.availability);
  else await setNotifyOnHandoff(user.id, parsed.data.notify === "on");
  return { ok: true as const };
}

export default function InboxLayout() {
  const loaded = useLoaderData<typeof loader>();
  const { conversationId } = useParams();
  const { pathname } = useLocation();
  // On a settings page (saved replies) no queue is the one being looked at, nor while a search
  // is shown: its matches come from every queue the viewer sees (as Chatwoot and Intercom show it).
  const inQueue = !pathname.startsWith("/inbox/saved-replies") && !loaded.search;
  const detailOpen = pathname.replace(/\/+$/, "") !== "/inbox";
  const now = useNow(loaded.now);
  const open = useRouteLoaderData<typeof conversationLoader>("routes/_app.inbox.$conversationId");
  const openConversation = open ? { id: open.view.id, labelIds: open.view.labels.map((entry) => entry.id) } : null;
  // "Moved to Billing" is the empty pane's, which a phone does not show: there it goes above the list.
  const moved = useRouteLoaderData<typeof indexLoader>("routes/_app.inbox._index")?.moved ?? null;
  useInboxEvents({ conversationId, queue: loaded.queue, notify: loaded.me.notifyOnHandoff });
  return (
    <div className={detailOpen ? "inbox inbox--detail" : "inbox"}>
      <QueuePane queues={loaded.queues} current={inQueue ? loaded.queue : null} searching={loaded.search !== null} availability={loaded.me.availability} notifyOnHandoff={loaded.me.notifyOnHandoff} />
      <ConversationList
        title={loaded.title}
        queue={loaded.queue}
        rows={loaded.rows}
        selectedId={conversationId ?? null}
        now={now}
        missing={loaded.missingQueue}
        search={loaded.search}
        label={loaded.label}
        labels={loaded.labels}
        openConversation={openConversation}
        notice={moved ? <MovedToTeamNotice key={moved.at} moved={moved} variant="banner" /> : null}
      />
      <div className="inbox-main">
        {/* A conversation has its own Back in its header; saved replies and a contact get this one. */}
        {detailOpen && !conversationId ? <BackToList className="inbox-main__back" /> : null}
        <Outlet />
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
