/**
 * The signed-in frame: a left sidebar with the sections the user's role may open, their name
 * and a sign-out button; the page renders beside it. Admin-only sections are hidden from
 * agents (the routes also refuse them with 403).
 */
import { Form, Link, NavLink } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { Icon, type IconName } from "./icons";
import { InsideMainProvider } from "./main-landmark";

export type ShellUser = { name: string; email: string; role: "admin" | "agent" };

type Section = { to: string; label: string; icon: IconName; adminOnly?: boolean };

const sections: Section[] = [
  { to: "/flows", label: "Flows", icon: "flows", adminOnly: true },
  { to: "/inbox", label: "Inbox", icon: "inbox" },
  { to: "/kb", label: "Knowledge", icon: "book", adminOnly: true },
  { to: "/analytics", label: "Analytics", icon: "chart" },
  { to: "/teams", label: "Teams", icon: "users", adminOnly: true },
  { to: "/integrations", label: "API connections", icon: "lock", adminOnly: true },
  { to: "/branding", label: "Chat branding", icon: "settings", adminOnly: true },
];

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/** Every minute an open staff page tells the server its person is still here (the "online" of the handoff notice). */
function usePresenceHeartbeat() {
  useEffect(() => {
    const beat = () => void fetch("/presence", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    const timer = window.setInterval(beat, 60_000);
    return () => window.clearInterval(timer);
  }, []);
}

/** `compact`: an icon rail instead of the full sidebar, for pages that need the width (the inbox's three panes). */
export function AppShell({ user, compact = false, children }: { user: ShellUser; compact?: boolean; children: ReactNode }) {
  const visible = sections.filter((section) => !section.adminOnly || user.role === "admin");
  usePresenceHeartbeat();
  return (
    <div className={compact ? "app-shell app-shell--compact" : "app-shell"}>
      {/* Keyboard and screen-reader users jump past the ~10 sidebar stops to the page (WCAG 2.4.1). */}
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="sidebar-inner">
          <Link to="/" className="brand" aria-label="Baton home">
            <span className="brand-mark">
              <Icon name="spark" size={16} strokeWidth={2.2} />
            </span>
            <span className="brand-name">Baton</span>
          </Link>
          <nav className="nav" aria-label="Main">
            <span className="nav-label">Workspace</span>
            {visible.map((section) => (
              <NavLink key={section.to} to={section.to} className="nav-link" prefetch="intent" title={section.label}>
                <Icon name={section.icon} />
                <span className="nav-link-label">{section.label}</span>
              </NavLink>
            ))}
          </nav>
          <div className="sidebar-footer">
            {/* Named by its visible text plus a hidden prefix: an aria-label would hide the text it shows (axe: label-content-name-mismatch). */}
            <NavLink to="/account" className="sidebar-account" title={`Your account (${user.email})`}>
              <span className="avatar" aria-hidden="true">
                {initials(user.name)}
              </span>
              <div className="sidebar-user">
                <span className="visually-hidden">Your account: </span>
                <div className="sidebar-user-name">{user.name}</div>
                <div className="sidebar-user-role">{user.role}</div>
              </div>
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="btn btn-ghost btn-icon" aria-label="Sign out" title="Sign out">
                <Icon name="logout" size={17} />
              </button>
            </Form>
          </div>
        </div>
      </aside>
      {/* tabIndex -1: the skip link's target takes the focus, so the next Tab continues inside the page. */}
      <main className="main" id="main" tabIndex={-1}>
        <InsideMainProvider value={true}>{children}</InsideMainProvider>
      </main>
    </div>
  );
}
