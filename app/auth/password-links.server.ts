/**
 * One-time links that let a person choose their own password, so no admin ever types or sends
 * one: an invitation (valid 7 days) for someone new, a reset (24 h) for someone who forgot it.
 * No email server is assumed: the admin copies the link and sends it however they like.
 *
 * The token (256 random bits) exists only in the link; the database keeps its SHA-256, so a copy
 * of the database opens nothing. A link works once: using it stamps usedAt in the same
 * transaction that sets the password and ends every session of the person (a reset signs out
 * whoever held a copied cookie). Making a new link deletes the person's unused ones, so only
 * the newest works; deactivating or removing the person deletes them too.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/utils/db.server";
import { hashPassword } from "./password.server";
import { endUserSessions } from "./session.server";

export type LinkPurpose = "invite" | "reset";

export const LINK_VALIDITY_MS: Record<LinkPurpose, number> = { invite: 7 * 24 * 3_600_000, reset: 24 * 3_600_000 };
/** Where each kind of link opens (public pages). */
export const LINK_PATHS: Record<LinkPurpose, string> = { invite: "/invite", reset: "/reset-password" };
// Used and expired links are kept this long, so an old link still says "already used" or "expired".
const KEEP_SPENT_MS = 30 * 24 * 3_600_000;

export type NewLink = { purpose: LinkPurpose; path: string; expiresAt: Date };
/** What a link opens to: the person's name only (the page must show nothing else), or why it doesn't. */
export type LinkState = { state: "valid"; name: string } | { state: "unknown" | "used" | "expired" };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Makes the person's only working link for `purpose`; returns its path (token included) — show it once. */
export async function createPasswordLink(db: Db, userId: string, purpose: LinkPurpose, now = new Date()): Promise<NewLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_VALIDITY_MS[purpose]);
  await db.$transaction([
    db.passwordLink.deleteMany({ where: { OR: [{ userId, usedAt: null }, { expiresAt: { lte: new Date(now.getTime() - KEEP_SPENT_MS) } }] } }),
    db.passwordLink.create({ data: { tokenHash: hashToken(token), userId, purpose, expiresAt, createdAt: now }, select: { id: true } }),
  ]);
  return { purpose, path: `${LINK_PATHS[purpose]}/${token}`, expiresAt };
}

/**
 * The full address to send. The origin is the one the admin's browser used (its Origin header,
 * already checked to be ours): behind a TLS-terminating proxy the server itself sees http://.
 */
export function absoluteLink(request: Request, path: string): string {
  const origin = request.headers.get("origin");
  const base = origin && origin !== "null" ? origin : new URL(request.url).origin;
  return new URL(path, base).toString();
}

/** Deletes every unused link of the person (deactivation). */
export async function revokePasswordLinks(client: Pick<Db, "passwordLink">, userId: string): Promise<void> {
  await client.passwordLink.deleteMany({ where: { userId, usedAt: null } });
}

async function findLink(db: Db, token: string, purpose: LinkPurpose) {
  const link = await db.passwordLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, purpose: true, expiresAt: true, usedAt: true, user: { select: { id: true, name: true, role: true, deactivatedAt: true } } },
  });
  // A reset token under /invite (or the reverse) is not a link we made.
  return link && link.purpose === purpose && !link.user.deactivatedAt ? link : null;
}

function stateOf(link: Awaited<ReturnType<typeof findLink>>, now: Date): LinkState {
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt <= now) return { state: "expired" };
  return { state: "valid", name: link.user.name };
}

export async function readPasswordLink(db: Db, token: string, purpose: LinkPurpose, now = new Date()): Promise<LinkState> {
  return stateOf(await findLink(db, token, purpose), now);
}

export type UsedLink = { ok: true; userId: string; role: string } | { ok: false; state: Exclude<LinkState["state"], "valid"> };

/**
 * Sets the person's password through the link, once: of two simultaneous uses only the one whose
 * conditional update stamps usedAt goes on. Validate the password (NewPasswordSchema) first.
 */
export async function usePasswordLink(db: Db, token: string, purpose: LinkPurpose, password: string, now = new Date()): Promise<UsedLink> {
  const link = await findLink(db, token, purpose);
  const before = stateOf(link, now);
  if (!link || before.state !== "valid") return { ok: false, state: before.state === "valid" ? "unknown" : before.state };
  const passwordHash = await hashPassword(password);
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordLink.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) return false;
    // An invited person was kept "away" (out of round robin) until they could sign in.
    const data = purpose === "invite" ? { passwordHash, availability: "online" } : { passwordHash };
    await tx.user.update({ where: { id: link.user.id }, data, select: { id: true } });
    await endUserSessions(link.user.id, tx);
    return true;
  });
  return claimed ? { ok: true, userId: link.user.id, role: link.user.role } : { ok: false, state: "used" };
}
