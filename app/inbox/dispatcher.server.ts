/**
 * Listens to the live bus for conversations entering a queue (a handoff, a customer writing to
 * a resolved conversation, a reassign) and runs round-robin assignment for that team. A sweep
 * every SWEEP_MS (and one at start-up) catches anything a missed event or a restart left
 * waiting, and hands back any conversation left assigned to an agent outside its team
 * (return-to-queue.server.ts). Started once per process, when this module loads: the server bundle loads every
 * route (and so this module) at start-up, so assignment listens from the first request on, not
 * from the first inbox visit. The loaders call it too (idempotent). Timers do not keep the
 * process alive.
 */
import { subscribe } from "~/runtime/live.server";
import { afterQueued, assignAllTeams } from "./assignment.server";
import { returnOutOfTeamAssignments } from "./return-to-queue.server";

const SWEEP_MS = Number(process.env.INBOX_SWEEP_MS ?? 30_000) || 30_000;

const globalForDispatcher = globalThis as unknown as { __batonInboxDispatcher?: boolean };

function report(error: unknown) {
  console.warn("[inbox] automatic assignment failed:", error instanceof Error ? error.message : error);
}

// The assignment runs started and not yet finished, so a caller can wait for them to settle.
const running = new Set<Promise<unknown>>();

function track(work: Promise<unknown>): void {
  running.add(work);
  void work.catch(report).finally(() => running.delete(work));
}

/**
 * Resolves once every assignment run started so far (and any they led to) has finished. The
 * live bus delivers synchronously, so after a handoff's turn has committed its run has started:
 * tests wait on this to see "nobody was assigned" instead of sleeping and hoping.
 */
export async function settleInboxDispatcher(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

export function ensureInboxDispatcher(): void {
  if (globalForDispatcher.__batonInboxDispatcher) return;
  globalForDispatcher.__batonInboxDispatcher = true;
  subscribe(
    "inbox",
    (event) => {
      if (event.type === "status" && event.status === "waiting" && event.teamId) track(afterQueued(event.teamId));
    },
    ["status"],
  );
  // Hand-backs first, so the assignment that follows already sees those conversations waiting.
  const sweep = () =>
    track(
      returnOutOfTeamAssignments()
        .catch((error: unknown) => console.warn("[inbox] handing back conversations outside their agent's team failed:", error instanceof Error ? error.message : error))
        .then(() => assignAllTeams()),
    );
  setTimeout(sweep, 1_000).unref();
  setInterval(sweep, SWEEP_MS).unref();
}

ensureInboxDispatcher();
