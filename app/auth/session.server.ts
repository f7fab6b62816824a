/**
 * Signed cookie sessions for admins and agents. The cookie holds only the user id (signed with
 * the session secret): httpOnly, SameSite=Lax (cross-site POSTs carry no session; the same-origin
 * check in same-origin.server.ts is the second CSRF guard), Secure in production unless
 * SESSION_COOKIE_SECURE=false.
 */
import { createCookieSessionStorage, redirect, type Session } from "@remix-run/node";
import { getEnv, type Env } from "~/utils/env.server";
import { getSessionSecret } from "./session-secret.server";

export const SESSION_COOKIE_NAME = "baton_session";
const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

type SessionData = { userId: string };
type SessionStorage = ReturnType<typeof createCookieSessionStorage<SessionData>>;

let storage: SessionStorage | undefined;

export function isSecureCookie(env: Pick<Env, "NODE_ENV" | "SESSION_COOKIE_SECURE"> = getEnv()): boolean {
  return env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production";
}

function getStorage(): SessionStorage {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: SESSION_COOKIE_NAME,
      httpOnly: true,
      sameSite: "lax",
      secure: isSecureCookie(),
      path: "/",
      maxAge: SESSION_MAX_AGE_SECONDS,
      secrets: [getSessionSecret()],
    },
  });
  return storage;
}

export function getSession(request: Request): Promise<Session<SessionData>> {
  return getStorage().getSession(request.headers.get("cookie"));
}

/**
 * Signs `userId` in with a FRESH session (never the one the request came with), so a session
 * planted before sign-in cannot be carried across it (session fixation).
 */
export async function createUserSession(userId: string, redirectTo: string): Promise<Response> {
  const session = await getStorage().getSession();
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await getStorage().commitSession(session) } });
}

export async function destroySessionHeader(request: Request): Promise<string> {
  return getStorage().destroySession(await getSession(request));
}
