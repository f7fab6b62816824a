/**
 * Conversation tokens: 32 random bytes, base64url. Only the SHA-256 (hex) is stored, so a
 * leaked database does not let anyone read or write a conversation as the customer.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function createConversationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of a presented token against a stored hash. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  if (presented.length !== stored.length) return false;
  return timingSafeEqual(presented, stored);
}
