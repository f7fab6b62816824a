/**
 * Keeps an open inbox live: one EventSource on /inbox/events (the session cookie authenticates
 * it; it is same-origin). A `change` re-reads the page's loaders (at most every REFRESH_MS, so a
 * burst is one read); the bot's own chatter is ignored unless the page shows that conversation
 * or the "With the bot" queue. Every stream re-reads once it listens (`ready`), covering whatever
 * happened before it did: between the page's loaders and the page's first stream, while a
 * reconnecting stream was down, and when the agent opens another conversation and its stream
 * replaces the old one.
 * A `handoff` raises a browser notification when the agent opted in and the browser allows it.
 */
import { useFetchers, useNavigate, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

type Options = { conversationId?: string; queue: string; notify: boolean };

const REFRESH_MS = 150;

export function useInboxEvents({ conversationId, queue, notify }: Options): void {
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  // While a page load or a form is in flight, it brings fresh data itself: wait for it instead of racing it.
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const busy = navigation.state !== "idle" || fetchers.some((fetcher) => fetcher.state !== "idle") || revalidator.state !== "idle";
  const latest = useRef({ revalidator, navigate, notify, queue, busy });
  latest.current = { revalidator, navigate, notify, queue, busy };

  useEffect(() => {
    const url = conversationId ? `/inbox/events?conversation=${encodeURIComponent(conversationId)}` : "/inbox/events";
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A throttle, not a debounce: a steady stream of events must still refresh the page.
    const refresh = () => {
      if (timer !== undefined) return;
      const fire = () => {
        if (latest.current.busy) {
          timer = setTimeout(fire, REFRESH_MS);
          return;
        }
        timer = undefined;
        latest.current.revalidator.revalidate();
      };
      timer = setTimeout(fire, REFRESH_MS);
    };
    source.addEventListener("change", (event) => {
      let change: { conversationId?: string; status?: string } = {};
      try {
        change = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        // unreadable: refresh anyway
      }
      const botChatter = change.status === "bot" && latest.current.queue !== "bot" && change.conversationId !== conversationId;
      if (!botChatter) refresh();
    });
    // A customer who writes while the page is still connecting would otherwise never show up.
    source.addEventListener("ready", refresh);
    source.addEventListener("handoff", (event) => {
      refresh();
      if (!latest.current.notify || typeof Notification === "undefined" || Notification.permission !== "granted") return;
      let handoff: { conversationId?: string; teamName?: string };
      try {
        handoff = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (!handoff.conversationId) return;
      const target = `/inbox/${encodeURIComponent(handoff.conversationId)}`;
      const notification = new Notification(`New conversation in ${handoff.teamName ?? "your team"}`, {
        body: "A customer is waiting for a person.",
        tag: handoff.conversationId,
      });
      notification.onclick = () => {
        window.focus();
        latest.current.navigate(target);
        notification.close();
      };
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [conversationId]);
}
