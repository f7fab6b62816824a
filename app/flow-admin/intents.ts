/**
 * The names of the flow list's form actions (the `intent` field), shared by the route that parses
 * them (`/flows`) and the dialogs and rows that send them. Client-safe.
 */
export const FLOW_LIST_INTENTS = {
  create: "create",
  rename: "rename",
  duplicate: "duplicate",
  delete: "delete",
  restore: "restore",
  import: "import",
  /** The answer to the import conflict page shown without JavaScript: the file's text travels back in the form. */
  importChoice: "import-choice",
} as const;
