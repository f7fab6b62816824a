import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage, errorStatus } from "~/components/error-page";
import { RetryingAfterAbort, useRetryAfterAbort } from "~/components/retry-after-abort";
import styles from "~/styles/app.css";
import { useNonce } from "~/utils/nonce";

// A data-URL favicon: no extra request (and no 404 for /favicon.ico in the browser console).
const favicon =
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><path d="M16 8v4M16 20v4M8 16h4M20 16h4" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/></svg>`
  );

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: favicon, type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Baton" }];

/**
 * A route exports `handle = { scrollRestoration: false }` to leave it out. The widget's iframe is
 * third-party on the shop's site: where the browser blocks third-party storage, Remix's
 * restoration script (inline, and again on leaving the page) throws reading sessionStorage.
 */
export type RootHandle = { scrollRestoration?: false };

function useRestoresScroll(): boolean {
  return !useMatches().some((match) => (match.handle as RootHandle | undefined)?.scrollRestoration === false);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const restoresScroll = useRestoresScroll();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {restoresScroll ? <ScrollRestoration nonce={nonce} /> : null}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = errorStatus(error);
  if (useRetryAfterAbort(error)) return <RetryingAfterAbort />;
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <>
      <title>{`Error ${status} · Baton`}</title>
      <ErrorPage status={status} />
    </>
  );
}

// Single fetch is on (remix.config.js): loaders return plain objects, typed as such.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
