/**
 * After an agent moves a conversation to a team they are not in, the page goes back to /inbox
 * (it is no longer theirs to see). The `moved` search parameter carries the conversation's id
 * so the empty pane can say where it went, read back from the move event (moved-away.server.ts),
 * instead of a silent "Pick a conversation" with keyboard focus dropped on the page body.
 */
export const MOVED_PARAM = "moved";

/** /inbox with the list's own parameters kept (queue, search, label) and the moved conversation's id. */
export function movedNoticeHref(request: Request, conversationId: string): string {
  const params = new URL(request.url).searchParams;
  params.delete("index");
  params.set(MOVED_PARAM, conversationId);
  return `/inbox?${params.toString()}`;
}
