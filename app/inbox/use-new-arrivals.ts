/**
 * Which rows of the list arrived live while the agent was looking (a new handoff, a conversation
 * moved to their team): they go to the top with a "New" badge, so a fresh handoff is never at
 * the bottom of a long list. Opening one clears its badge but leaves it where it is (a row that
 * jumps away under the cursor, or under j / k, is worse than one out of order); the list falls
 * back into its usual order when the queue changes or the page is reloaded. What was there when
 * the list was first shown is not new.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { QueueRow } from "./queues";

type NewArrivals = {
  ordered: QueueRow[];
  isNew: (id: string) => boolean;
  /** The rows of the latest live arrival (newest first), for the screen-reader announcement; empty until one arrives. */
  latest: QueueRow[];
};

export function useNewArrivals(rows: QueueRow[], listKey: string, selectedId: string | null): NewArrivals {
  const seen = useRef<{ key: string; ids: Set<string> } | null>(null);
  const [arrived, setArrived] = useState<string[]>([]);
  const [latestIds, setLatestIds] = useState<string[]>([]);
  const [opened, setOpened] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    if (!seen.current || seen.current.key !== listKey) {
      seen.current = { key: listKey, ids: new Set(rows.map((row) => row.id)) };
      setArrived([]);
      setLatestIds([]);
      setOpened(new Set());
      return;
    }
    const fresh = rows.filter((row) => !seen.current!.ids.has(row.id)).map((row) => row.id);
    if (fresh.length === 0) return;
    for (const id of fresh) seen.current.ids.add(id);
    // The newest arrival on top.
    fresh.reverse();
    setArrived((current) => [...fresh, ...current]);
    setLatestIds(fresh);
  }, [rows, listKey]);

  useEffect(() => {
    if (selectedId && arrived.includes(selectedId) && !opened.has(selectedId)) setOpened((current) => new Set([...current, selectedId]));
  }, [selectedId, arrived, opened]);

  const ordered = useMemo(() => {
    if (arrived.length === 0) return rows;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const pinned = arrived.flatMap((id) => byId.get(id) ?? []);
    const pinnedIds = new Set(pinned.map((row) => row.id));
    return [...pinned, ...rows.filter((row) => !pinnedIds.has(row.id))];
  }, [rows, arrived]);
  const latest = useMemo(() => ordered.filter((row) => latestIds.includes(row.id)), [ordered, latestIds]);
  return { ordered, isNew: (id: string) => arrived.includes(id) && !opened.has(id), latest };
}
