/**
 * The names of the inbox's form actions (the `intent` field each form or fetcher sends), shared
 * by the routes that parse them and the components that send them, so renaming one cannot leave
 * the other side behind. Client-safe.
 */

/** A conversation's actions (`/inbox/:id`). */
export const CONVERSATION_INTENTS = {
  claim: "claim",
  assign: "assign",
  reassign: "reassign",
  resolve: "resolve",
  reopen: "reopen",
  handBack: "hand-back",
  read: "read",
  snooze: "snooze",
  wake: "wake",
  labelAdd: "label-add",
  labelRemove: "label-remove",
  contact: "contact",
} as const;

/** The agent's own settings in the queue pane (`/inbox`). */
export const INBOX_SETTINGS_INTENTS = { availability: "availability", notify: "notify" } as const;

/** The saved replies page (`/inbox/saved-replies`). */
export const SAVED_REPLY_INTENTS = { save: "save", delete: "delete" } as const;
