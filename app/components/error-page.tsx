/**
 * The friendly page for a thrown Response or a crash: 403, 404 and everything else as 500.
 * Used by the root ErrorBoundary (whole document) and by route ErrorBoundaries: outside the shell
 * (sign-in, invitations, the shell's own boundary) it is the page's `<main>`; inside the shell,
 * whose `<main>` already holds it, a `<section>`, so the page keeps one main landmark.
 */
import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { useInsideMain } from "./main-landmark";
import { RetryingAfterAbort, useRetryAfterAbort } from "./retry-after-abort";

const copy: Record<number, { title: string; text: string }> = {
  403: { title: "You don't have access to this page", text: "This page is for admins. If you need it, ask an admin of your workspace." },
  404: { title: "Page not found", text: "The page you're looking for doesn't exist or has moved." },
  500: { title: "Something went wrong", text: "We couldn't load this page. Try again in a moment; if it keeps happening, tell your admin." },
};

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** A refusal that says why (guards' `forbidden(reason)`), read from the thrown Response's body. */
const ReasonSchema = z.object({ reason: z.string().min(1) });

export function errorReason(error: unknown): string | null {
  if (!isRouteErrorResponse(error)) return null;
  const parsed = ReasonSchema.safeParse(error.data);
  return parsed.success ? parsed.data.reason : null;
}

export function ErrorPage({ status, reason }: { status: number; reason?: string | null }) {
  const fallback = copy[status] ?? (status >= 400 && status < 500 ? { title: "We couldn't do that", text: "The request was not accepted." } : copy[500]);
  const known = reason ? { ...fallback, text: reason } : fallback;
  const Landmark = useInsideMain() ? "section" : "main";
  return (
    <Landmark className="error-page" aria-labelledby="error-page-title">
      <p className="error-page-code">Error {status}</p>
      <h1 id="error-page-title">{known.title}</h1>
      <p>{known.text}</p>
      <div className="row">
        <Link className="btn btn-primary" to="/">
          Go to your home page
        </Link>
      </div>
    </Landmark>
  );
}

/** Drop-in ErrorBoundary for routes: `export { RouteErrorBoundary as ErrorBoundary }`. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const status = errorStatus(error);
  if (useRetryAfterAbort(error)) return <RetryingAfterAbort />;
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return <ErrorPage status={status} reason={errorReason(error)} />;
}
