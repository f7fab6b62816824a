/**
 * Guards for loaders and actions. Each `require*` returns what the route needs or THROWS a
 * Response Remix sends as is: a redirect to /login?redirectTo=<this page> when signed out,
 * 403 when the role does not fit. Call them in every loader AND action of a protected route
 * (loaders run in parallel, a parent layout's check does not cover its children).
 */
import { redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { assertSameOrigin } from "./same-origin.server";
import { endSession, getSessionUserId, hasSessionCookie } from "./session.server";

export type Role = "admin" | "agent";
export type SessionUser = { id: string; email: string; name: string; role: Role };

const userSelect = { id: true, email: true, name: true, role: true } as const;

/** The signed-in user, or null (also when the session ended or the account was removed or deactivated). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const userId = await getSessionUserId(request);
  if (!userId) return null;
  // Deactivation ends the sessions too; checked here as well for one signed in at that very moment.
  const user = await db.user.findFirst({ where: { id: userId, deactivatedAt: null }, select: userSelect });
  return user ? { ...user, role: user.role === "admin" ? "admin" : "agent" } : null;
}

export function loginPath(request: Request): string {
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  return here === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: here })}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request);
  const user = await getUser(request);
  if (user) return user;
  // A cookie of an ended session is cleared on the way out.
  const headers = (await hasSessionCookie(request)) ? { "Set-Cookie": await endSession(request) } : undefined;
  throw redirect(loginPath(request), { headers });
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw forbidden();
  return user;
}

/**
 * 403. Without a reason the error page assumes a page for admins (requireAdmin's case); a route
 * that refuses for another reason (an agent asking for another team's numbers) says it, and the
 * error page shows it instead (components/error-page.tsx reads `reason`).
 */
export function forbidden(reason?: string): Response {
  if (reason) return Response.json({ reason }, { status: 403, statusText: "Forbidden" });
  return new Response("You don't have access to this page", { status: 403, statusText: "Forbidden" });
}
