/** "Snoozed until 3:00 PM" / "Snoozed until they write", in a row and in the conversation header. */
import { useHydrated } from "~/chat/use-hydrated";
import { Icon } from "~/components/icons";

export function snoozeText(until: string): string {
  const date = new Date(until);
  if (date.getUTCFullYear() >= 9999) return "Snoozed until they write";
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  return `Snoozed until ${sameDay ? time : `${date.toLocaleDateString(undefined, { weekday: "short" })} ${time}`}`;
}

export function SnoozePill({ until }: { until: string }) {
  const hydrated = useHydrated();
  return (
    <span className="pill pill--snoozed">
      <Icon name="clock" size={11} />
      {hydrated ? snoozeText(until) : "Snoozed"}
    </span>
  );
}
