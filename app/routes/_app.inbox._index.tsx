import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState, PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Inbox · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function InboxPage() {
  return (
    <div className="page">
      <PageHeader title="Inbox" description="Conversations handed off to your teams." />
      <EmptyState icon="inbox" title="Coming soon">
        The inbox is on its way: claim conversations, see what the bot learned, and reply to customers.
      </EmptyState>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
