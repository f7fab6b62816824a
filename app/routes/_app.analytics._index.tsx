import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState, PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Analytics · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function AnalyticsPage() {
  return (
    <div className="page">
      <PageHeader title="Analytics" description="How your flows and teams are doing." />
      <EmptyState icon="chart" title="Coming soon">
        Analytics are on their way: containment, escalations, response times and CSAT per flow and team.
      </EmptyState>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
