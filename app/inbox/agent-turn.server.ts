/**
 * How an agent action is written: exactly like a customer turn. Inside the conversation's
 * lock (withConversationLock, the same queue customer turns wait in), read a fresh state,
 * decide, and commit messages + events + the update in ONE transaction guarded by the version
 * column (commitTurn). A concurrent writer elsewhere (another process, or a customer turn that
 * got in first) moves the version on; the commit then writes nothing and the decision is
 * re-made from a fresh read (withConflictRetries). So an agent reply and a customer message
 * never interleave badly, two claims cannot both win, and nothing is lost. Live subscribers
 * hear about it only after the commit.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { firstName } from "~/chat/agent-identity.server";
import { phrasesFor } from "~/flow";
import { getCustomerLocale } from "~/runtime/customer-language.server";
import { commitTurn, withConflictRetries, type NewEvent, type NewMessage, type StoredMessage } from "~/runtime/conversation-store.server";
import { withConversationLock } from "~/runtime/conversation-lock.server";
import { publishTurn } from "~/runtime/publish.server";
import type { SqlAssignment, SqlStatement } from "~/runtime/sql.server";
import { queryOne } from "~/runtime/sql.server";
import { ensureSqliteTuned } from "~/runtime/sqlite.server";
import { db } from "~/utils/db.server";
import { isPreview } from "~/vocabulary/channels";
import { SqlIntegerSchema } from "~/utils/sql-integer";


const StateRowSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowVersionId: z.string(),
  status: z.enum(["bot", "waiting", "open", "resolved"]).catch("waiting"),
  version: SqlIntegerSchema,
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  firstHumanResponseAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  channel: z.string(),
  lastSeq: SqlIntegerSchema.nullable(),
  storedMessageId: z.string().nullable(),
});

export type AgentState = Omit<z.infer<typeof StateRowSchema>, "lastSeq"> & { lastSeq: number };

/** The conversation as an agent action needs it, in one statement on the read connection. */
async function readAgentState(conversationId: string, clientMessageId: string | null): Promise<AgentState | null> {
  const row = await queryOne(
    `SELECT c."id", c."flowId", c."flowVersionId", c."status", c."version", c."teamId", c."assigneeId", u."name" AS "assigneeName",
            c."firstHumanResponseAt", c."escalatedAt", c."channel",
            (SELECT max(m."seq") FROM "Message" m WHERE m."conversationId" = c."id") AS "lastSeq",
            (SELECT m."id" FROM "Message" m WHERE m."conversationId" = c."id" AND m."clientMessageId" = ?) AS "storedMessageId"
       FROM "Conversation" c LEFT JOIN "User" u ON u."id" = c."assigneeId"
      WHERE c."id" = ?`,
    [clientMessageId, conversationId],
  );
  if (!row) return null;
  const parsed = StateRowSchema.parse(row);
  return { ...parsed, lastSeq: parsed.lastSeq ?? 0 };
}

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; code: string; message: string; field?: string };
export type Done = { ok: true; notice: string };
export type ActionOutcome = Done | Refusal;

export function refuse(status: Refusal["status"], code: string, message: string, field?: string): Refusal {
  return field ? { ok: false, status, code, message, field } : { ok: false, status, code, message };
}

/** A public line naming the person who acted (first name only), in the customer's language. */
async function personLine(phrase: "joined" | "resolved" | "reopened", name: string, state: Pick<AgentState, "id" | "flowVersionId">): Promise<NewMessage> {
  const locale = await getCustomerLocale(state.id, state.flowVersionId);
  return { role: "system", text: phrasesFor(locale)[phrase](firstName(name) ?? name), metadata: {} };
}

/** The public line the customer sees when a person takes the conversation ("Ana joined the conversation."). */
export const joinedLine = (name: string, state: Pick<AgentState, "id" | "flowVersionId">) => personLine("joined", name, state);

/** The customer's closing line when a person resolves: who closed it and that writing again is welcome, above the rating card. */
export const resolvedLine = (name: string, state: Pick<AgentState, "id" | "flowVersionId">) => personLine("resolved", name, state);

/** When a person reopens a resolved conversation: the customer learns it live that someone is back on it. */
export const reopenedLine = (name: string, state: Pick<AgentState, "id" | "flowVersionId">) => personLine("reopened", name, state);

export type AgentCommit = {
  status: AgentState["status"];
  update: Record<string, SqlAssignment>;
  messages: NewMessage[];
  events: NewEvent[];
  guard?: SqlStatement;
};

/** What an action decided: nothing to write (a refusal or a no-op), or a commit and what to answer. */
export type AgentDecision = { outcome: ActionOutcome; commit?: AgentCommit };

export type CommittedAction = { outcome: ActionOutcome; before: AgentState | null; committed: boolean; messages: StoredMessage[] };

export async function runAgentAction(
  conversationId: string,
  decide: (state: AgentState) => AgentDecision | Promise<AgentDecision>,
  options: { clientMessageId?: string } = {},
): Promise<CommittedAction> {
  await ensureSqliteTuned(db);
  return withConversationLock(conversationId, () =>
    withConflictRetries(async (): Promise<CommittedAction> => {
      const state = await readAgentState(conversationId, options.clientMessageId ?? null);
      if (!state || isPreview(state)) {
        return { outcome: refuse(404, "not_found", "This conversation no longer exists."), before: null, committed: false, messages: [] };
      }
      const { outcome, commit } = await decide(state);
      if (!commit) return { outcome, before: state, committed: false, messages: [] };
      const stored = await commitTurn({
        conversationId,
        flowId: state.flowId,
        readVersion: state.version,
        firstSeq: state.lastSeq + 1,
        // A turn id makes an agent reply replayable by its clientMessageId, like a customer turn.
        turnId: options.clientMessageId ? randomUUID() : null,
        update: commit.update,
        messages: commit.messages,
        events: commit.events,
        guard: commit.guard,
      });
      publishTurn({ id: conversationId, status: state.status, teamId: state.teamId }, { status: commit.status, update: commit.update }, stored);
      return { outcome, before: state, committed: true, messages: stored };
    }),
  );
}
