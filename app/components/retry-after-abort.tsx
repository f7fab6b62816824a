/**
 * For error boundaries: a failure that is the browser cancelling a loader's request (rapid
 * navigation, isAbortError) is not the page failing. The page's loaders run again instead, and
 * the boundary shows only a quiet "Loading" meanwhile; a real error still shows the error page.
 */
import { useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { isAbortError } from "~/utils/abort-error";

/** A server that is down fails the same way every time: after these, it counts as a real failure. */
const RETRIES_PER_LOCATION = 2;

// Module state, not component state: the boundary unmounts and mounts again around each retry.
const retries = { locationKey: "", count: 0 };

const retriesAt = (locationKey: string) => (retries.locationKey === locationKey ? retries.count : 0);

/** True while the boundary's error is being retried: render <RetryingAfterAbort /> instead of the error. */
export function useRetryAfterAbort(error: unknown): boolean {
  const { key } = useLocation();
  const { revalidate } = useRevalidator();
  const revalidateRef = useRef(revalidate);
  revalidateRef.current = revalidate;
  const retrying = typeof document !== "undefined" && isAbortError(error) && retriesAt(key) < RETRIES_PER_LOCATION;
  useEffect(() => {
    if (!retrying) return;
    Object.assign(retries, { locationKey: key, count: retriesAt(key) + 1 });
    revalidateRef.current();
  }, [error, key, retrying]);
  return retrying;
}

export function RetryingAfterAbort() {
  return (
    <p className="visually-hidden" role="status">
      Loading…
    </p>
  );
}
