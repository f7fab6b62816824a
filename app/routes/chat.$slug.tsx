/**
 * The customer's hosted chat page for a published flow (public; outside the signed-in shell).
 * `?embed=1` is the widget's iframe: no page chrome, framable from any site, a close button
 * that asks the embedding page to hide it. `?page=` carries the embedding page's URL, `?host=` its
 * origin (the only one the chat talks to: app/chat/host-bridge.ts).
 */
import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { ChatWindow } from "~/chat/components/chat-window";
import { getPublishedFlow, loadConversation, readChatCookie } from "~/chat/chat-page.server";
import { parseHostOrigin } from "~/chat/host-bridge";
import { ChatBrandingContext } from "~/chat/chat-branding";
import { newVisitorKey, readVisitorKey, serializeVisitorCookie } from "~/contacts/visitor.server";
import chatBrandingStyles from "~/styles/chat-branding.css";
import chatStyles from "~/styles/chat.css";
import type { RootHandle } from "~/root";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const embed = url.searchParams.get("embed") === "1";
  const headers: Record<string, string> = {
    "Cache-Control": "private, no-store",
    // The hosted page may only be framed by itself; the embed mode exists to be framed anywhere.
    // The rest of the page's policy is added by entry.server (security-headers.server.ts).
    "Content-Security-Policy": embed ? "frame-ancestors *" : "frame-ancestors 'self'",
  };
  // Marks the browser before its first conversation starts, so a returning customer is the same contact.
  if (!readVisitorKey(request)) headers["Set-Cookie"] = serializeVisitorCookie(request, newVisitorKey());
  const slug = params.slug ?? "";
  const flow = await getPublishedFlow(slug);
  if (!flow) return data({ flow: null, conversation: null, embed, page: null, host: null }, { status: 404, headers });
  const cookie = readChatCookie(request, flow.slug);
  const conversation = cookie ? await loadConversation(cookie, flow.slug) : null;
  const page = url.searchParams.get("page")?.slice(0, 2048) || null;
  const host = embed ? parseHostOrigin(url.searchParams.get("host")) : null;
  return data({ flow, conversation, embed, page, host }, { headers });
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => {
  const source = errorHeaders ?? loaderHeaders;
  const result = new Headers();
  for (const name of ["Cache-Control", "Content-Security-Policy", "Set-Cookie"]) {
    const value = source.get(name);
    if (value) result.set(name, value);
  }
  return result;
};

// The chat scrolls inside its transcript, never the window; and in the widget's third-party
// iframe the restoration script would throw where the browser blocks storage (see root.tsx).
export const handle: RootHandle = { scrollRestoration: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chatStyles },
  { rel: "stylesheet", href: chatBrandingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded?.flow ? loaded.flow.branding.chatTitle : "Chat not available" },
  { name: "theme-color", content: loaded?.flow?.branding.accent.background ?? "#4f46e5" },
  { name: "robots", content: "noindex" },
];

export default function ChatPage() {
  const { flow, conversation, embed, page, host } = useLoaderData<typeof loader>();
  return (
    <main className={`chat-page${embed ? " chat-page--embed" : ""}`}>
      {flow ? (
        <ChatBrandingContext.Provider value={flow.branding}>
          <ChatWindow key={flow.slug} flow={flow} initial={conversation} embed={embed} page={page} host={host} />
        </ChatBrandingContext.Provider>
      ) : (
        <Unavailable />
      )}
    </main>
  );
}

function Unavailable() {
  return (
    <div className="chat-window chat-unavailable">
      <div className="chat-unavailable__body">
        <h1>This chat is not available</h1>
        <p>The link may be out of date, or this chat has been switched off. Please check the address or contact the site you came from.</p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main className="chat-page">
      <div className="chat-window chat-unavailable">
        <div className="chat-unavailable__body">
          <h1>{status === 404 ? "This chat is not available" : "Something went wrong"}</h1>
          <p>Please reload the page in a moment.</p>
        </div>
      </div>
    </main>
  );
}
