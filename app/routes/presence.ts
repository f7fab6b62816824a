/**
 * GET /presence: an open staff page's check-in (once a minute). Reading the session marks it as
 * used, which is what "online" is made of (app/workspace/presence.server.ts). No body.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return new Response(null, { status: user ? 204 : 401, headers: { "Cache-Control": "no-store" } });
}
