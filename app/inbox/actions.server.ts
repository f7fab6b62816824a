/**
 * What an agent does to a conversation: claim, assign, reply, add an internal note, reassign
 * to another team, resolve, reopen. Each decision is made on a fresh read inside the
 * conversation's lock and committed version-guarded (agent-turn.server.ts), so the rules below
 * hold even when two agents click at the same moment: the second one is told, not obeyed.
 * Hand back to the bot lives in hand-back.server.ts (it runs the flow).
 */
import { describeAgent } from "~/chat/agent-identity.server";
import { phrasesFor } from "~/flow";
import { getCustomerLocale } from "~/runtime/customer-language.server";
import { publish } from "~/runtime/live.server";
import type { NewMessage } from "~/runtime/conversation-store.server";
import type { MessageMetadata } from "~/runtime/messages";
import { CAN_SIGN_IN } from "~/auth/can-sign-in";
import { db } from "~/utils/db.server";
import type { InboxViewer } from "./access.server";
import { joinedLine, refuse, reopenedLine, resolvedLine, runAgentAction, type ActionOutcome, type AgentState, type Refusal } from "./agent-turn.server";
import { afterAgentFreed, afterQueued } from "./assignment.server";

type Actor = Pick<InboxViewer, "id" | "name" | "isAdmin" | "teams" | "memberTeamIds">;

/** A reply's public author as the customer sees it: first name, initials, the team answered for (an admin's queues are not their teams). */
function replyAuthor(actor: Actor, conversationTeamId: string | null): MessageMetadata {
  const memberships = actor.teams.filter((team) => actor.memberTeamIds.includes(team.id)).map((team) => ({ team }));
  const author = describeAgent({ name: actor.name, memberships }, conversationTeamId);
  return author ? { author } : {};
}

/** Admins work every team; agents only the teams they are in (re-checked on the fresh read: it may have moved). */
function refuseUnlessWorks(actor: Actor, state: AgentState): Refusal | null {
  if (actor.isAdmin || (state.teamId && actor.teams.some((team) => team.id === state.teamId))) return null;
  return refuse(403, "forbidden", "This conversation is now with a team you are not in.");
}

function refuseUnlessActive(state: AgentState): Refusal | null {
  if (state.status === "waiting" || state.status === "open") return null;
  if (state.status === "resolved") return refuse(409, "resolved", "This conversation is resolved. Reopen it first.");
  return refuse(409, "with_bot", "The bot has this conversation; it is read-only until it is handed to a person.");
}

export async function claimConversation(actor: Actor, conversationId: string): Promise<ActionOutcome> {
  const result = await runAgentAction(conversationId, async (state) => {
    const refused = refuseUnlessWorks(actor, state) ?? refuseUnlessActive(state);
    if (refused) return { outcome: refused };
    if (state.assigneeId === actor.id) return { outcome: { ok: true, notice: "It's already yours." } };
    if (state.status === "open" && state.assigneeId) {
      return { outcome: refuse(409, "taken", `${state.assigneeName ?? "Someone"} claimed this conversation first.`) };
    }
    return {
      outcome: { ok: true, notice: "You claimed this conversation." },
      commit: {
        status: "open",
        update: { status: "open", assigneeId: actor.id },
        messages: [await joinedLine(actor.name, state)],
        events: [{ type: "conversation.assigned", payload: { agentId: actor.id, by: actor.id, mode: "claim" } }],
      },
    };
  });
  return result.outcome;
}

export async function assignConversation(actor: Actor, conversationId: string, agentId: string): Promise<ActionOutcome> {
  const agent = await db.user.findFirst({ where: { id: agentId, ...CAN_SIGN_IN }, select: { id: true, name: true, memberships: { select: { teamId: true } } } });
  const result = await runAgentAction(conversationId, async (state) => {
    const refused = refuseUnlessWorks(actor, state) ?? refuseUnlessActive(state);
    if (refused) return { outcome: refused };
    if (!agent || !agent.memberships.some((membership) => membership.teamId === state.teamId)) {
      return { outcome: refuse(400, "not_in_team", "Choose someone from this conversation's team.", "agentId") };
    }
    if (state.assigneeId === agent.id) return { outcome: { ok: true, notice: `${agent.name} already has it.` } };
    return {
      outcome: { ok: true, notice: agent.id === actor.id ? "You took this conversation." : `Assigned to ${agent.name}.` },
      commit: {
        status: "open",
        update: { status: "open", assigneeId: agent.id },
        messages: [await joinedLine(agent.name, state)],
        events: [{ type: "conversation.assigned", payload: { agentId: agent.id, by: actor.id, mode: "manual", from: state.assigneeId } }],
      },
    };
  });
  if (result.committed && result.before?.assigneeId) await afterAgentFreed(result.before.assigneeId);
  return result.outcome;
}

/**
 * An agent's reply. On a waiting conversation it also claims it (as in Intercom and Chatwoot:
 * answering is taking). Stored once per clientMessageId: a double click or a retried request
 * answers "sent" without a second message. The first reply sets firstHumanResponseAt.
 */
export async function replyAsAgent(actor: Actor, input: { conversationId: string; clientMessageId: string; text: string }): Promise<ActionOutcome> {
  const result = await runAgentAction(
    input.conversationId,
    async (state) => {
      if (state.storedMessageId) return { outcome: { ok: true, notice: "Sent." } };
      const refused = refuseUnlessWorks(actor, state) ?? refuseUnlessActive(state);
      if (refused) return { outcome: refused };
      const now = new Date();
      const claiming = state.status === "waiting" || !state.assigneeId;
      const reply: NewMessage = { role: "agent", text: input.text, clientMessageId: input.clientMessageId, authorId: actor.id, metadata: replyAuthor(actor, state.teamId) };
      return {
        outcome: { ok: true, notice: "Sent." },
        commit: {
          status: "open",
          update: {
            status: "open",
            ...(claiming ? { assigneeId: actor.id } : {}),
            ...(state.firstHumanResponseAt ? {} : { firstHumanResponseAt: now }),
            lastMessageAt: now,
            agentUnread: 0,
          },
          messages: claiming ? [await joinedLine(actor.name, state), reply] : [reply],
          events: [
            ...(claiming ? [{ type: "conversation.assigned", payload: { agentId: actor.id, by: actor.id, mode: "reply" } }] : []),
            { type: "agent.replied", payload: { agentId: actor.id, length: input.text.length, first: !state.firstHumanResponseAt } },
          ],
        },
      };
    },
    { clientMessageId: input.clientMessageId },
  );
  return result.outcome;
}

/** An internal note: stored with role "note", which no customer-facing read or stream ever passes. */
export async function addInternalNote(actor: Actor, input: { conversationId: string; clientMessageId: string; text: string }): Promise<ActionOutcome> {
  const result = await runAgentAction(
    input.conversationId,
    (state) => {
      if (state.storedMessageId) return { outcome: { ok: true, notice: "Note added." } };
      const refused = refuseUnlessWorks(actor, state);
      if (refused) return { outcome: refused };
      return {
        outcome: { ok: true, notice: "Note added." },
        commit: {
          status: state.status,
          update: {},
          messages: [{ role: "note", text: input.text, clientMessageId: input.clientMessageId, authorId: actor.id, metadata: {} }],
          events: [{ type: "note.added", payload: { agentId: actor.id } }],
        },
      };
    },
    { clientMessageId: input.clientMessageId },
  );
  return result.outcome;
}

/**
 * Moves the conversation to another team's queue (waiting, unassigned), with an optional note
 * for the new team. The customer is told who they are being connected to. The wait keeps
 * counting from the handoff: being moved does not make a customer's wait shorter.
 */
export async function reassignConversation(actor: Actor, input: { conversationId: string; teamId: string; note: string }): Promise<ActionOutcome> {
  const team = await db.team.findUnique({ where: { id: input.teamId }, select: { id: true, name: true, slug: true } });
  const result = await runAgentAction(input.conversationId, async (state) => {
    const refused = refuseUnlessWorks(actor, state) ?? refuseUnlessActive(state);
    if (refused) return { outcome: refused };
    if (!team) return { outcome: refuse(400, "unknown_team", "Choose a team.", "teamId") };
    if (team.id === state.teamId) return { outcome: refuse(400, "same_team", `It is already with ${team.name}.`, "teamId") };
    const messages: NewMessage[] = [];
    if (input.note) messages.push({ role: "note", text: input.note, authorId: actor.id, metadata: {} });
    messages.push({ role: "system", text: phrasesFor(await getCustomerLocale(state.id, state.flowVersionId)).handoff(team.name), metadata: {} });
    return {
      outcome: { ok: true, notice: `Moved to ${team.name}.` },
      commit: {
        status: "waiting",
        update: { status: "waiting", teamId: team.id, assigneeId: null },
        messages,
        events: [{ type: "conversation.reassigned", payload: { from: state.teamId, to: team.id, toSlug: team.slug, by: actor.id, note: Boolean(input.note) } }],
      },
    };
  });
  if (result.committed && result.before) {
    // The old team's lists drop it too (publishTurn told the new team).
    if (result.before.teamId) publish(`team:${result.before.teamId}`, { type: "status", conversationId: input.conversationId, status: "waiting", teamId: input.teamId });
    await afterQueued(input.teamId);
    if (result.before.assigneeId) await afterAgentFreed(result.before.assigneeId);
  }
  return result.outcome;
}

export async function resolveConversation(actor: Actor, conversationId: string): Promise<ActionOutcome> {
  const result = await runAgentAction(conversationId, async (state) => {
    const refused = refuseUnlessWorks(actor, state) ?? refuseUnlessActive(state);
    if (refused) return { outcome: refused };
    return {
      outcome: { ok: true, notice: "Resolved. The customer is asked for a rating." },
      commit: {
        status: "resolved",
        // A snooze ends with the conversation: reopened, it belongs in Needs me, not hidden in Snoozed.
        update: { status: "resolved", resolvedAt: new Date(), agentUnread: 0, snoozedUntil: null },
        messages: [await resolvedLine(actor.name, state)],
        events: [{ type: "conversation.resolved", payload: { by: "agent", agentId: actor.id } }],
      },
    };
  });
  if (result.committed && result.before?.assigneeId) await afterAgentFreed(result.before.assigneeId);
  return result.outcome;
}

/** A resolved conversation back to open, with the agent who reopened it. */
export async function reopenConversation(actor: Actor, conversationId: string): Promise<ActionOutcome> {
  const result = await runAgentAction(conversationId, async (state) => {
    const refused = refuseUnlessWorks(actor, state);
    if (refused) return { outcome: refused };
    if (state.status !== "resolved") return { outcome: refuse(409, "not_resolved", "This conversation is not resolved.") };
    return {
      outcome: { ok: true, notice: "Reopened. It's assigned to you." },
      commit: {
        status: "open",
        update: { status: "open", assigneeId: actor.id, resolvedAt: null },
        messages: [await reopenedLine(actor.name, state)],
        events: [{ type: "conversation.reopened", payload: { by: actor.id } }],
      },
    };
  });
  return result.outcome;
}

/**
 * Clears the unread count when the person responsible reads it (its assignee, or anyone while
 * nobody has it). Not version-guarded on purpose: a concurrent customer turn's `+ 1` still lands.
 */
export async function markRead(actor: Actor, conversationId: string): Promise<void> {
  await db.conversation.updateMany({
    where: { id: conversationId, agentUnread: { gt: 0 }, OR: [{ assigneeId: actor.id }, { assigneeId: null }] },
    data: { agentUnread: 0 },
  });
}
