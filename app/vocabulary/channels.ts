/**
 * Where a conversation came from, and the one rule about previews: the builder's preview runs
 * (channel "preview") are admins testing drafts, not customers, so every queue, count, search,
 * contact history and metric leaves them out. Use `REAL_CHANNEL` in Prisma `where` clauses and
 * `sqlRealChannel()` in SQL, never the literal. Client-safe.
 */
/** The channels a customer's conversation can start on (what the public chat API accepts). */
export const CUSTOMER_CHANNELS = ["web", "widget", "api"] as const;
export const PREVIEW_CHANNEL = "preview";
export const CHANNELS = [...CUSTOMER_CHANNELS, PREVIEW_CHANNEL] as const;
export type Channel = (typeof CHANNELS)[number];

/** Prisma filter for conversations from customers: `where: { channel: REAL_CHANNEL }`. */
export const REAL_CHANNEL = { not: PREVIEW_CHANNEL };

/** The same filter in SQL, for the Conversation table under `alias` (`c."channel" <> 'preview'`). */
export function sqlRealChannel(alias = "c"): string {
  return `${alias}."channel" <> '${PREVIEW_CHANNEL}'`;
}

export function isPreview(conversation: { channel: string }): boolean {
  return conversation.channel === PREVIEW_CHANNEL;
}
