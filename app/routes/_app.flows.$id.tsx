import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import reactFlowStyles from "reactflow/dist/style.css";
import { requireAdmin } from "~/auth/guards.server";
import { FlowEditor } from "~/builder/components/flow-editor";
import { useHydrated } from "~/chat/use-hydrated";
import { RouteErrorBoundary } from "~/components/error-page";
import { getFlowEditor } from "~/flow-admin/editor.server";
import builderStyles from "~/styles/builder.css";
import chatStyles from "~/styles/chat.css";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.flow.name} · Flows · Baton` : "Flow not found · Baton" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: reactFlowStyles },
  { rel: "stylesheet", href: chatStyles },
  { rel: "stylesheet", href: builderStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const editor = await getFlowEditor(params.id ?? "");
  if (!editor) throw new Response("Flow not found", { status: 404 });
  return editor;
}

export default function FlowEditorPage() {
  const data = useLoaderData<typeof loader>();
  // The canvas measures the DOM and reads unsaved edits from localStorage: browser only.
  const hydrated = useHydrated();
  return hydrated ? (
    <FlowEditor key={data.flow.id} {...data} />
  ) : (
    <div className="builder builder-loading" aria-busy="true">
      <p className="muted">Loading the editor…</p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
