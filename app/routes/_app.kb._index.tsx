import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { EmptyState, PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Knowledge · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function KnowledgePage() {
  return (
    <div className="page">
      <PageHeader title="Knowledge" description="Help articles your bot answers from." />
      <EmptyState icon="book" title="Coming soon">
        The knowledge base editor is on its way: write and import the articles your bot cites.
      </EmptyState>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
