/**
 * The signed-in shell (pathless layout): every page under it (`_app.<page>.tsx`) renders beside
 * the sidebar. This loader only provides the user for the shell; each page guards itself with
 * requireUser/requireAdmin, because Remix runs the loaders of a URL in parallel.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { AppShell } from "~/components/app-shell";
import { RouteErrorBoundary } from "~/components/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  const { name, email, role } = await requireUser(request);
  return { user: { name, email, role } };
}

/** A page opts into the icon-rail shell with `export const handle = { compactShell: true }`. */
function wantsCompactShell(handle: unknown): boolean {
  return typeof handle === "object" && handle !== null && (handle as { compactShell?: unknown }).compactShell === true;
}

export default function AppLayout() {
  const { user } = useLoaderData<typeof loader>();
  const compact = useMatches().some((match) => wantsCompactShell(match.handle));
  return (
    <AppShell user={user} compact={compact}>
      <Outlet />
    </AppShell>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
