/**
 * The conversation's actions, by status: claim / assign / move / hand back / resolve on an
 * active conversation, reopen on a resolved one, nothing on one still with the bot. All go
 * through one fetcher, so the answer (done, or "Ana claimed it first") shows in one place.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { focusDroppedOrWithin } from "~/components/focus-dropped";
import { Dialog } from "~/components/dialog";
import { Icon } from "~/components/icons";
import type { ConversationTools, ConversationView } from "../view";
import { useDismissOnOutsideClick } from "~/components/use-dismiss";
import { CONVERSATION_INTENTS } from "../intents";

type Result = { ok: boolean; intent: string; notice?: string; message?: string; field?: string };

export function useActionFetcher(conversationId: string) {
  return useFetcher<Result>({ key: `actions-${conversationId}` });
}

/**
 * The last action's answer. A success ("You claimed this conversation.") gives way once the agent
 * sends a reply or a note: it was still there long after they had moved on. A refusal stays
 * until the next action. (Not on any new transcript line: an action's own lines may arrive live
 * a moment after its answer.)
 */
export function ActionBanner({ conversationId, sentCount }: { conversationId: string; sentCount: number }) {
  const fetcher = useActionFetcher(conversationId);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  // How many replies and notes the agent had sent when this answer arrived.
  const arrival = useRef<{ result: Result | undefined; sent: number }>({ result: undefined, sent: 0 });
  if (arrival.current.result !== result) arrival.current = { result, sent: sentCount };
  if (!result || result.intent === CONVERSATION_INTENTS.read) return null;
  if (result.ok && sentCount > arrival.current.sent) return null;
  if (result.ok) {
    return result.notice ? (
      <p className="convo-banner convo-banner--ok" role="status">
        <Icon name="check" size={14} />
        {result.notice}
      </p>
    ) : null;
  }
  return (
    <p className="convo-banner convo-banner--error" role="alert">
      <Icon name="alert" size={14} />
      {result.message}
    </p>
  );
}

/**
 * Claim, Resolve and Reopen disable the button while they run and then replace it, so focus would
 * fall to the page body: it moves where the agent goes next instead — the reply box after Claim
 * and Reopen, the Reopen button after Resolve. Only when focus was lost: an agent who moved on
 * (typing a note, another row) keeps their place.
 */
function useFocusAfterAction(state: string, data: Result | undefined, reopenButton: RefObject<HTMLButtonElement>) {
  const handled = useRef(data);
  useEffect(() => {
    if (state !== "idle" || !data?.ok || handled.current === data) return;
    handled.current = data;
    if (!focusDroppedOrWithin()) return;
    if (data.intent === "claim" || data.intent === "reopen") document.querySelector<HTMLElement>('[data-shortcut="composer"]')?.focus();
    else if (data.intent === "resolve") reopenButton.current?.focus();
  }, [state, data, reopenButton]);
}

type Props = { view: ConversationView; tools: Omit<ConversationTools, "savedReplies">; meId: string };

export function ConversationActions({ view, tools, meId }: Props) {
  const fetcher = useActionFetcher(view.id);
  const [dialog, setDialog] = useState<"reassign" | "hand-back" | null>(null);
  const busy = fetcher.state !== "idle";
  const submit = (fields: Record<string, string>) => fetcher.submit(fields, { method: "post" });
  const reopenButton = useRef<HTMLButtonElement>(null);
  useFocusAfterAction(fetcher.state, fetcher.data, reopenButton);

  // A dialog's action went through: close it.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && (fetcher.data.intent === CONVERSATION_INTENTS.reassign || fetcher.data.intent === CONVERSATION_INTENTS.handBack)) setDialog(null);
  }, [fetcher.state, fetcher.data]);

  if (view.status === "bot") return <span className="pill">With the bot · read-only</span>;
  if (!tools.canAct) return <span className="pill">Read-only</span>;
  if (view.status === "resolved") {
    return (
      <div className="convo-actions">
        <button ref={reopenButton} type="button" className="btn btn-secondary btn-sm" disabled={busy} onClick={() => submit({ intent: CONVERSATION_INTENTS.reopen })}>
          <Icon name="undo" size={14} />
          Reopen
        </button>
      </div>
    );
  }
  const mine = view.assignee?.id === meId;
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : undefined;
  return (
    <div className="convo-actions">
      {view.status === "waiting" || !view.assignee ? (
        <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => submit({ intent: CONVERSATION_INTENTS.claim })}>
          <Icon name="user" size={14} />
          Claim
        </button>
      ) : null}
      <Menu label="Assign to a teammate" icon="users" iconOnly>
        {tools.members.length === 0 ? <p className="menu__empty">Nobody is in this team yet.</p> : null}
        {tools.members.map((member) => (
          <button
            key={member.id}
            type="button"
            className="menu__item"
            disabled={busy || member.id === view.assignee?.id}
            onClick={() => submit({ intent: CONVERSATION_INTENTS.assign, agentId: member.id })}
          >
            <span className={`presence presence--${member.availability}`} aria-hidden="true" />
            <span className="menu__item-label">
              {member.name}
              {member.id === meId ? " (you)" : ""}
            </span>
            <span className="menu__item-meta">
              {member.availability === "away" ? "away · " : ""}
              {member.openCount}/{member.capacity} open
            </span>
          </button>
        ))}
      </Menu>
      <Menu label="More actions" icon="more" iconOnly>
        <button type="button" className="menu__item" onClick={() => setDialog("reassign")}>
          <Icon name="swap" size={14} />
          <span className="menu__item-label">Move to another team…</span>
        </button>
        <button type="button" className="menu__item" disabled={tools.handBackTargets.length === 0} onClick={() => setDialog("hand-back")}>
          <Icon name="bot" size={14} />
          <span className="menu__item-label">Hand back to the bot…</span>
        </button>
      </Menu>
      {view.status === "open" ? (
        <button
          type="button"
          className={mine ? "btn btn-primary btn-sm" : "btn btn-secondary btn-sm"}
          data-shortcut="resolve"
          disabled={busy}
          onClick={() => submit({ intent: CONVERSATION_INTENTS.resolve })}
        >
          <Icon name="check" size={14} />
          Resolve
        </button>
      ) : null}

      <Dialog open={dialog === "reassign"} title="Move to another team" onClose={() => setDialog(null)}>
        <fetcher.Form method="post" className="stack">
          <input type="hidden" name="intent" value={CONVERSATION_INTENTS.reassign} />
          <div className="field">
            <label className="label" htmlFor="reassign-team">
              Team
            </label>
            <select id="reassign-team" name="teamId" className="select" defaultValue="" aria-invalid={error?.field === "teamId" || undefined} data-autofocus>
              <option value="" disabled>
                Choose a team
              </option>
              {tools.teams
                .filter((team) => team.id !== view.team?.id)
                .map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
            </select>
            {error?.intent === CONVERSATION_INTENTS.reassign && error.field === "teamId" ? <p className="field-error">{error.message}</p> : null}
          </div>
          <div className="field">
            <label className="label" htmlFor="reassign-note">
              Note for the team <span className="muted">(internal)</span>
            </label>
            <textarea id="reassign-note" name="note" className="input textarea" rows={3} maxLength={4000} placeholder="What they should know…" />
          </div>
          <p className="hint">The customer is told they are being connected to that team. It waits in its queue, unassigned.</p>
          <DialogButtons busy={busy} onCancel={() => setDialog(null)} label="Move" />
        </fetcher.Form>
      </Dialog>

      <Dialog open={dialog === "hand-back"} title="Hand back to the bot" onClose={() => setDialog(null)}>
        <fetcher.Form method="post" className="stack">
          <input type="hidden" name="intent" value={CONVERSATION_INTENTS.handBack} />
          <fieldset className="choice-list">
            <legend className="label">Continue the flow at</legend>
            {tools.handBackTargets.map((target, index) => (
              <label key={target.nodeId} className="choice">
                <input type="radio" name="nodeId" value={target.nodeId} defaultChecked={index === 0} data-autofocus={index === 0 || undefined} />
                <span>
                  <span className="choice__label">{target.label}</span>
                  {target.isEnd ? <span className="choice__hint">Closes the conversation and asks the customer for a rating.</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="label" htmlFor="hand-back-line">
              Message to the customer
            </label>
            <textarea id="hand-back-line" name="line" className="input textarea" rows={2} maxLength={300} defaultValue={tools.handBackLine} />
          </div>
          <p className="hint">It leaves the queue: the bot answers the customer from that step on, starting with their last message if nobody answered it.</p>
          <DialogButtons busy={busy} onCancel={() => setDialog(null)} label="Hand back" />
        </fetcher.Form>
      </Dialog>
    </div>
  );
}

/**
 * A button opening a small panel; `iconOnly` shows just the icon (the label stays its accessible
 * name and tooltip). A button inside closes it; content that is not a button (a small form) gets
 * `close` by taking `children` as a function.
 */
export function Menu({
  label,
  icon,
  iconOnly = false,
  children,
}: {
  label: string;
  icon: Parameters<typeof Icon>[0]["name"];
  iconOnly?: boolean;
  children: ReactNode | ((close: () => void) => ReactNode);
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismissOnOutsideClick(root, open, close);
  return (
    <div className="menu" ref={root} onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        className={iconOnly ? "btn btn-secondary btn-sm btn-icon-sm" : "btn btn-secondary btn-sm"}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <Icon name={icon} size={14} />
        {iconOnly ? null : label}
      </button>
      {open ? (
        <div
          className="menu__panel"
          id={panelId}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest("button")) setOpen(false);
          }}
        >
          {typeof children === "function" ? children(close) : children}
        </div>
      ) : null}
    </div>
  );
}

function DialogButtons({ busy, onCancel, label }: { busy: boolean; onCancel: () => void; label: string }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
        {label}
      </button>
    </div>
  );
}
