/**
 * Serialises work per conversation inside this process with a promise chain: turns of one
 * conversation queue up in arrival order instead of racing and retrying on the version column.
 * The database's version check still guards against other processes; this only avoids
 * needless conflicts. Entries are removed when a chain drains, so the map stays small.
 */
const tails = new Map<string, Promise<void>>();

export async function withConversationLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(conversationId) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  tails.set(conversationId, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(conversationId) === tail) tails.delete(conversationId);
  }
}

export function lockedConversationCount(): number {
  return tails.size;
}
