/**
 * Listens to the live bus for conversations entering a queue (a handoff, a customer writing to
 * a resolved conversation, a reassign) and runs round-robin assignment for that team. A sweep
 * every SWEEP_MS (and one at start-up) catches anything a missed event or a restart left
 * waiting. Started once per process, when this module loads: the server bundle loads every
 * route (and so this module) at start-up, so assignment listens from the first request on, not
 * from the first inbox visit. The loaders call it too (idempotent). Timers do not keep the
 * process alive.
 */
import { subscribe } from "~/runtime/live.server";
import { afterQueued, assignAllTeams } from "./assignment.server";

const SWEEP_MS = Number(process.env.INBOX_SWEEP_MS ?? 30_000) || 30_000;

const globalForDispatcher = globalThis as unknown as { __batonInboxDispatcher?: boolean };

function report(error: unknown) {
  console.warn("[inbox] automatic assignment failed:", error instanceof Error ? error.message : error);
}

export function ensureInboxDispatcher(): void {
  if (globalForDispatcher.__batonInboxDispatcher) return;
  globalForDispatcher.__batonInboxDispatcher = true;
  subscribe("inbox", (event) => {
    if (event.type === "status" && event.status === "waiting" && event.teamId) void afterQueued(event.teamId).catch(report);
  });
  const sweep = () => void assignAllTeams().catch(report);
  setTimeout(sweep, 1_000).unref();
  setInterval(sweep, SWEEP_MS).unref();
}

ensureInboxDispatcher();
