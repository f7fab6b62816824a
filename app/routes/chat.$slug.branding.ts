/**
 * GET /chat/:slug/branding: what the widget's launcher needs from the flow's branding (accent,
 * the text colour chosen for contrast, the chat title). Public and readable from any site (the
 * widget runs on the customer's pages); nothing here is private.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublishedFlow } from "~/chat/chat-page.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60", "Content-Type": "application/json" };
  const flow = await getPublishedFlow(params.slug ?? "");
  if (!flow) return new Response(JSON.stringify({ error: { code: "not_found", message: "No such chat." } }), { status: 404, headers });
  const { accent, chatTitle } = flow.branding;
  return new Response(JSON.stringify({ title: chatTitle, accent: accent.background, onAccent: accent.text }), { headers });
}
