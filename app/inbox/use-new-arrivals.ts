/**
 * Which rows of the list arrived live while the agent was looking (a new handoff, a conversation
 * moved to their team): they go to the top with a "New" badge until the agent opens them, so a
 * fresh handoff is never at the bottom of a long list. What was there when the list was first
 * shown (or the queue changed) is not new.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { QueueRow } from "./queues";

export function useNewArrivals(rows: QueueRow[], listKey: string, selectedId: string | null): { ordered: QueueRow[]; isNew: (id: string) => boolean } {
  const seen = useRef<{ key: string; ids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    if (!seen.current || seen.current.key !== listKey) {
      seen.current = { key: listKey, ids: new Set(rows.map((row) => row.id)) };
      setFresh(new Set());
      return;
    }
    const arrived = rows.filter((row) => !seen.current!.ids.has(row.id)).map((row) => row.id);
    if (arrived.length === 0) return;
    for (const id of arrived) seen.current.ids.add(id);
    setFresh((current) => new Set([...current, ...arrived]));
  }, [rows, listKey]);

  // Opening it is seeing it.
  useEffect(() => {
    if (selectedId && fresh.has(selectedId)) setFresh((current) => new Set([...current].filter((id) => id !== selectedId)));
  }, [selectedId, fresh]);

  const ordered = useMemo(() => {
    if (fresh.size === 0) return rows;
    return [...rows.filter((row) => fresh.has(row.id)), ...rows.filter((row) => !fresh.has(row.id))];
  }, [rows, fresh]);
  return { ordered, isNew: (id: string) => fresh.has(id) };
}
