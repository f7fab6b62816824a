import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState, PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Flows · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function FlowsPage() {
  return (
    <div className="page">
      <PageHeader title="Flows" description="Design the conversations your bot has with customers." />
      <EmptyState icon="flows" title="Coming soon">
        The flow builder is on its way: draw a flow on a canvas, preview it, and publish it to your chat page.
      </EmptyState>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
