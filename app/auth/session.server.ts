/**
 * Server-side sessions for admins and agents. The cookie holds only a random token (signed with
 * the session secret as well); the Session row, keyed by the token's SHA-256, is the session:
 * deleting it signs that browser out at once, wherever the cookie was copied to. A session ends
 * on sign-out, after SESSION_IDLE_MINUTES without a request, SESSION_MAX_DAYS after sign-in, and
 * when the person's password changes or they are removed (endUserSessions).
 * Cookie: httpOnly, SameSite=Lax (cross-site POSTs carry no session; same-origin.server.ts is the
 * second CSRF guard), Secure in production unless SESSION_COOKIE_SECURE=false.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, type Cookie } from "@remix-run/node";
import type { Db } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { getEnv, type Env } from "~/utils/env.server";
import { getSessionSecret } from "./session-secret.server";

export const SESSION_COOKIE_NAME = "baton_session";
// lastSeenAt is written at most this often per session: one write a minute, not one per request.
const TOUCH_INTERVAL_MS = 60_000;
const MAX_USER_AGENT_CHARS = 300;

export function isSecureCookie(env: Pick<Env, "NODE_ENV" | "SESSION_COOKIE_SECURE"> = getEnv()): boolean {
  return env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production";
}

function sessionLimits(env: Env = getEnv()): { idleMs: number; maxMs: number } {
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_DAYS * 24 * 3_600_000 };
}

let cookie: Cookie | undefined;

function getCookie(): Cookie {
  cookie ??= createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureCookie(),
    path: "/",
    maxAge: Math.floor(sessionLimits().maxMs / 1000),
    secrets: [getSessionSecret()],
  });
  return cookie;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function readToken(request: Request): Promise<string | null> {
  const token: unknown = await getCookie().parse(request.headers.get("cookie"));
  return typeof token === "string" && token.length > 0 ? token : null;
}

/**
 * Signs `userId` in with a NEW session (never one the request came with), so a session planted
 * before sign-in cannot be carried across it (session fixation).
 */
export async function createUserSession(userId: string, redirectTo: string, userAgent = ""): Promise<Response> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const { idleMs, maxMs } = sessionLimits();
  // Sessions abandoned without a sign-out are swept when their person signs in again.
  await db.session.deleteMany({ where: { userId, OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - idleMs) } }] } });
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      userAgent: userAgent.slice(0, MAX_USER_AGENT_CHARS),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + maxMs),
    },
    select: { id: true },
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await getCookie().serialize(token) } });
}

/** The user id of the request's live session, or null (no cookie, unknown, expired or idle too long). */
export async function getSessionUserId(request: Request): Promise<string | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id }, select: { userId: true, lastSeenAt: true, expiresAt: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() >= sessionLimits().idleMs) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  return session.userId;
}

/** Whether the request carries a session cookie at all (valid or not): then it is worth clearing. */
export async function hasSessionCookie(request: Request): Promise<boolean> {
  return (await readToken(request)) !== null;
}

/** Deletes the request's session (if any) and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await db.session.deleteMany({ where: { id: hashToken(token) } });
  return getCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Signs a person out everywhere (password change, removal). Takes a transaction client too. */
export async function endUserSessions(userId: string, client: Pick<Db, "session"> = db): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId } });
  return count;
}
