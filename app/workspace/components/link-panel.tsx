/**
 * The one-time link the admin just made, with a Copy button. It is shown once: the database keeps
 * only its hash. No email server is assumed, so the admin sends it however they talk to the person.
 */
import { useId, useRef, useState } from "react";
import { Icon } from "~/components/icons";
import type { ShownLink } from "./teams-action";

const COPY: Record<ShownLink["purpose"], { title: string; validity: string }> = {
  invite: { title: "Invitation link", validity: "It works once, for 7 days, and lets them choose their own password." },
  reset: { title: "Password reset link", validity: "It works once, for 24 hours. Choosing a new password signs them out everywhere else." },
};

export function LinkPanel({ link }: { link: ShownLink }) {
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const { title, validity } = COPY[link.purpose];

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
    } catch {
      // No clipboard API (plain http on a network address): copy the selected text the old way.
      input.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  }

  return (
    <section className="card link-panel" aria-labelledby={headingId}>
      <div className="link-panel-body">
        <h2 id={headingId}>
          {title} for {link.name}
        </h2>
        <p className="muted">
          Send it to {link.name} yourself (chat, email, in person). {validity} It won't be shown again; you can always make a new one.
        </p>
        <div className="row row-nowrap">
          <input ref={input} className="input link-panel-url" readOnly value={link.url} aria-label={`${title} for ${link.name}`} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="btn btn-primary" onClick={copy}>
            <Icon name={copied ? "check" : "copy"} size={16} />
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {copied ? "Link copied" : ""}
        </p>
      </div>
    </section>
  );
}
