/** Shared by the auth integration tests: the demo people on this file's database, and request helpers. */
import { createUserSession } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { seedPeople } from "~/workspace/seed-people.server";

export const BASE = "http://baton.test";

export async function seedAndFind(email: string): Promise<{ id: string }> {
  await seedPeople(db);
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
}

/** The `name=value` part of the session cookie a sign-in of `userId` would set. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const response = await createUserSession(userId, "/");
  return (response.headers.get("set-cookie") ?? "").split(";")[0];
}

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string, extraHeaders: Record<string, string> = {}): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...extraHeaders };
  if (cookie) headers.cookie = cookie;
  return new Request(`${BASE}${path}`, { method: "POST", body, headers });
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
}

/** Runs a loader or action the way Remix does: a thrown Response is the answer. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The body and status of what an action returned with `data()`. */
export function unwrap(result: unknown): { status: number; data: Record<string, unknown> } {
  const value = result as { type?: string; data?: Record<string, unknown>; init?: { status?: number } };
  if (value?.type === "DataWithResponseInit") return { status: value.init?.status ?? 200, data: value.data ?? {} };
  return { status: 200, data: value as Record<string, unknown> };
}
