/**
 * The inbox search box filters the list as the agent types (a QA pass found it did nothing until
 * Enter). Typing submits the search form once the agent pauses, replacing the history entry so
 * Back does not step through every prefix typed; Enter submits at once, as a new entry.
 * The box keeps what is typed while the matches for an earlier prefix arrive, and takes the URL's
 * search again only when it is not the one this box sent (Clear search, a queue link, Back).
 */
import { useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";

/** Long enough that a typed word is one request, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 250;

export function useSearchAsYouType(search: string | null) {
  const submit = useSubmit();
  const [text, setText] = useState(search ?? "");
  const timer = useRef<number | undefined>(undefined);
  /** The words this box last searched for (trimmed, as the loader reads them). */
  const sent = useRef(search ?? "");

  useEffect(() => () => window.clearTimeout(timer.current), []);

  useEffect(() => {
    if ((search ?? "") === sent.current) return;
    sent.current = search ?? "";
    setText(search ?? "");
  }, [search]);

  const onChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const { value, form } = event.target;
      setText(value);
      window.clearTimeout(timer.current);
      if (!form) return;
      timer.current = window.setTimeout(() => {
        sent.current = value.trim();
        submit(form, { replace: true });
      }, SEARCH_DEBOUNCE_MS);
    },
    [submit],
  );

  /** Enter: the form submits itself at once; the pending search is dropped. */
  const onSubmit = useCallback(() => {
    window.clearTimeout(timer.current);
    sent.current = text.trim();
  }, [text]);

  return { value: text, onChange, onSubmit };
}
