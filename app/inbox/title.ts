/** The tab title of every inbox page: "(3) Inbox · Baton" while 3 conversations need someone. */
export function inboxTitle(attention: number, subject?: string): string {
  const base = subject ? `${subject} · Inbox · Baton` : "Inbox · Baton";
  return attention > 0 ? `(${attention}) ${base}` : base;
}

type Match = { id: string; data: unknown };

/** The attention count from the inbox frame's loader, for child routes' meta. */
export function attentionFrom(matches: Match[]): number {
  const frame = matches.find((match) => match.id === "routes/_app.inbox")?.data as { attention?: unknown } | undefined;
  return typeof frame?.attention === "number" ? frame.attention : 0;
}
