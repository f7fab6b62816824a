import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { readingDataResponsesWhole } from "~/utils/whole-data-responses";

// Before hydration, so the router's first data request already goes through it.
window.fetch = readingDataResponsesWhole(window.fetch.bind(window), window.location.href);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
