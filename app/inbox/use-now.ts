import { useEffect, useState } from "react";

/**
 * The current time, re-read every `intervalMs`. Starts from `initial` (the loader's clock) so
 * the server's HTML and the first browser render agree; ticking starts after hydration.
 */
export function useNow(initial: number, intervalMs = 1_000): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
