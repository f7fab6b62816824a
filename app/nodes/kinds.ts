/** Kind ids are stored in every flow document: they are short and never change (labels live in the registry). */
export const NODE_KINDS = ["start", "message", "intent", "collect", "choice", "kb", "gate", "condition", "language", "set", "http", "escalate", "end"] as const;

export type NodeKind = (typeof NODE_KINDS)[number];
