/**
 * One conversation in the inbox: the transcript with every role, the handoff packet beside it,
 * and what an agent does to it (claim, assign, move to a team, resolve, reopen, hand back to
 * the bot; replies and notes post to inbox.$conversationId.messages.ts). 404 for an unknown
 * id or another team's conversation (the same 404) — for the page and for every action.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { getInboxViewer, requireConversationAccess } from "~/inbox/access.server";
import { assignConversation, claimConversation, markRead, reassignConversation, reopenConversation, resolveConversation } from "~/inbox/actions.server";
import type { ActionOutcome } from "~/inbox/agent-turn.server";
import { ConversationPane } from "~/inbox/components/conversation-pane";
import { InboxErrorBoundary } from "~/inbox/components/inbox-error";
import { getConversationTools } from "~/inbox/conversation-tools.server";
import { getConversationView } from "~/inbox/conversation-view.server";
import { movedNoticeHref } from "~/inbox/moved-notice";
import { contactLabel } from "~/inbox/queues";
import { attentionFrom, inboxTitle } from "~/inbox/title";
import { handBackConversation } from "~/inbox/hand-back.server";
import { saveContactFields } from "~/contacts/contacts.server";
import { applyLabelByName, removeLabel } from "~/inbox/labels.server";
import { snoozeChoice, snoozeConversation, wakeConversation } from "~/inbox/snooze.server";
import { firstIssue, type InboxActionData } from "~/inbox/schemas";
import { CONVERSATION_INTENTS } from "~/inbox/intents";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const subject = loaded ? contactLabel({ id: loaded.view.id, contactName: loaded.view.contact?.name ?? null, contactEmail: loaded.view.contact?.email ?? null }) : undefined;
  return [{ title: inboxTitle(attentionFrom(matches), subject) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getInboxViewer(await requireUser(request));
  const conversation = await requireConversationAccess(viewer, params.conversationId);
  const [view, tools] = await Promise.all([getConversationView(viewer, conversation.id), getConversationTools(viewer, conversation)]);
  if (!view) throw new Response("Conversation not found", { status: 404 });
  return { view, tools, me: { id: viewer.id } };
}

const Id = z.string({ error: "Choose one" }).min(1, "Choose one").max(64);
const orNull = (value: string) => value || null;

const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(CONVERSATION_INTENTS.claim) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.assign), agentId: Id }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.reassign), teamId: Id, note: z.string().trim().max(4000, "Keep the note under 4,000 characters").default("") }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.resolve) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.reopen) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.handBack), nodeId: Id, line: z.string().trim().max(300, "Keep the message under 300 characters").optional() }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.read) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.snooze), until: z.enum(["1h", "4h", "tomorrow", "reply"], { error: "Choose how long" }) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.wake) }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.labelAdd), name: z.string().trim().min(1, "Type a label").max(40, "Keep labels under 40 characters") }),
    z.object({ intent: z.literal(CONVERSATION_INTENTS.labelRemove), labelId: Id }),
    z.object({
      intent: z.literal(CONVERSATION_INTENTS.contact),
      name: z.string().trim().max(200, "Keep the name under 200 characters").transform(orNull),
      email: z.union([z.literal(""), z.string().trim().toLowerCase().pipe(z.email("That doesn't look like an email address"))]).transform(orNull),
      phone: z.string().trim().max(40, "Keep the phone number under 40 characters").regex(/^[\d\s()+.-]*$/, "Use digits, spaces and + ( ) - only").transform(orNull),
    }),
  ],
  { error: "Unknown action" },
);

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await getInboxViewer(await requireUser(request));
  const { id } = await requireConversationAccess(viewer, params.conversationId);
  const form = Object.fromEntries(await request.formData());
  const rawIntent = typeof form.intent === "string" ? form.intent : "";
  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) return data<InboxActionData>(firstIssue(parsed.error, rawIntent), { status: 400 });
  const input = parsed.data;
  let outcome: ActionOutcome;
  switch (input.intent) {
    case "claim":
      outcome = await claimConversation(viewer, id);
      break;
    case "assign":
      outcome = await assignConversation(viewer, id, input.agentId);
      break;
    case "reassign":
      outcome = await reassignConversation(viewer, { conversationId: id, teamId: input.teamId, note: input.note });
      // Moved to a team the agent is not in: it is no longer theirs to see, back to the queues,
      // where the empty pane says where it went (the dialog that held focus is gone with it).
      if (outcome.ok && !viewer.isAdmin && !viewer.teams.some((team) => team.id === input.teamId)) return redirect(movedNoticeHref(request, id));
      break;
    case "resolve":
      outcome = await resolveConversation(viewer, id);
      break;
    case "reopen":
      outcome = await reopenConversation(viewer, id);
      break;
    case "hand-back":
      outcome = await handBackConversation(viewer, { conversationId: id, nodeId: input.nodeId, line: input.line || undefined });
      break;
    case "read":
      await markRead(viewer, id);
      outcome = { ok: true, notice: "" };
      break;
    case "snooze": {
      await snoozeConversation(id, snoozeChoice(input.until, new Date()));
      outcome = { ok: true, notice: input.until === "reply" ? "Snoozed until the customer writes." : "Snoozed." };
      break;
    }
    case "wake":
      await wakeConversation(id);
      outcome = { ok: true, notice: "Back in the queues." };
      break;
    case "label-add": {
      const label = await applyLabelByName(id, input.name);
      outcome = { ok: true, notice: `Labelled “${label.name}”.` };
      break;
    }
    case "label-remove":
      await removeLabel(id, input.labelId);
      outcome = { ok: true, notice: "Label removed." };
      break;
    case "contact":
      await saveContactFields(id, { name: input.name, email: input.email, phone: input.phone });
      outcome = { ok: true, notice: "Contact saved." };
      break;
  }
  if (outcome.ok) return data<InboxActionData>({ ok: true, intent: input.intent, notice: outcome.notice });
  return data<InboxActionData>(
    { ok: false, intent: input.intent, message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) },
    { status: outcome.status },
  );
}

export default function InboxConversation() {
  const { view, tools, me } = useLoaderData<typeof loader>();
  return <ConversationPane key={view.id} view={view} tools={tools} meId={me.id} />;
}

export { InboxErrorBoundary as ErrorBoundary };
