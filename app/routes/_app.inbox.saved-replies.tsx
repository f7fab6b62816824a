/**
 * Saved replies, per team, managed by the team's agents and by admins (in the inbox's third
 * pane). The composer offers them on every conversation of that team.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { FormError } from "~/components/form";
import { Icon } from "~/components/icons";
import { getInboxViewer, viewerTeamIds } from "~/inbox/access.server";
import { deleteSavedReply, listSavedReplies, saveSavedReply } from "~/inbox/saved-replies.server";
import { attentionFrom, inboxTitle } from "~/inbox/title";
import type { SavedReplyItem } from "~/inbox/view";
import { formFailure, parseForm, type FormErrors } from "~/utils/parse-form";
import { SAVED_REPLY_INTENTS } from "~/inbox/intents";

export const meta: MetaFunction = ({ matches }) => [{ title: inboxTitle(attentionFrom(matches), "Saved replies") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getInboxViewer(await requireUser(request));
  const replies = await listSavedReplies(viewerTeamIds(viewer));
  return { teams: viewer.teams.map(({ id, name }) => ({ id, name })), replies };
}

const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal(SAVED_REPLY_INTENTS.save),
      id: z.string().max(64).optional().transform((value) => value || undefined),
      teamId: z.string({ error: "Choose a team" }).min(1, "Choose a team"),
      title: z.string({ error: "Give it a title" }).trim().min(1, "Give it a title").max(80, "Keep the title under 80 characters"),
      text: z.string({ error: "Write the reply" }).trim().min(1, "Write the reply").max(4000, "Keep it under 4,000 characters"),
    }),
    z.object({ intent: z.literal(SAVED_REPLY_INTENTS.delete), id: z.string().min(1) }),
  ],
  { error: "Unknown action" },
);

type ActionData = { ok: true; notice: string; at: number } | ({ ok: false } & FormErrors);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getInboxViewer(await requireUser(request));
  // A problem with the hidden id has no input to show it: it is the form's.
  const parsed = parseForm(await request.formData(), ActionSchema, { formLevel: ["intent", "id"] });
  if (!parsed.ok) return data<ActionData>(parsed, { status: 400 });
  const outcome = parsed.data.intent === SAVED_REPLY_INTENTS.save ? await saveSavedReply(viewer, parsed.data) : await deleteSavedReply(viewer, parsed.data.id);
  if (!outcome.ok) return data<ActionData>({ ok: false, ...formFailure(outcome.message, outcome.field) }, { status: outcome.status });
  return data<ActionData>({ ok: true, notice: outcome.notice, at: Date.now() });
}

export default function SavedRepliesPage() {
  const { teams, replies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [editing, setEditing] = useState<SavedReplyItem | null>(null);
  const failed = result && !result.ok ? result : undefined;
  const fieldError = (field: string) => failed?.fieldErrors[field];
  const formKey = `${editing?.id ?? "new"}-${result?.ok ? result.at : 0}`;
  return (
    <div className="saved-replies">
      <header className="saved-replies__head">
        <h2>Saved replies</h2>
        <p>Answers your team sends often. Pick one from the composer's “Saved replies” menu.</p>
      </header>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      <FormError message={failed?.formError} />
      {teams.length === 0 ? <p className="muted">You are not in a team yet.</p> : null}
      {teams.map((team) => {
        const own = replies.filter((reply) => reply.teamId === team.id);
        return (
          <section key={team.id} className="card saved-replies__team" aria-label={`${team.name} saved replies`}>
            <div className="card-header">
              <h3>{team.name}</h3>
              <span className="badge">{own.length === 1 ? "1 reply" : `${own.length} replies`}</span>
            </div>
            {own.length === 0 ? <p className="card-body muted">None yet.</p> : null}
            <ul className="saved-replies__list">
              {own.map((reply) => (
                <li key={reply.id} className="saved-reply">
                  <div className="saved-reply__body">
                    <p className="saved-reply__title">{reply.title}</p>
                    <p className="saved-reply__text">{reply.text}</p>
                  </div>
                  <div className="row">
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(reply)} aria-label={`Edit ${reply.title}`}>
                      Edit
                    </button>
                    <Form method="post">
                      <input type="hidden" name="intent" value={SAVED_REPLY_INTENTS.delete} />
                      <input type="hidden" name="id" value={reply.id} />
                      <button type="submit" className="btn btn-danger btn-sm" aria-label={`Delete ${reply.title}`}>
                        <Icon name="trash" size={14} />
                      </button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {teams.length > 0 ? (
        <Form method="post" className="card card-body stack" key={formKey} aria-label={editing ? "Edit saved reply" : "Add a saved reply"} noValidate>
          <h3 className="form-title">{editing ? `Edit “${editing.title}”` : "Add a saved reply"}</h3>
          <input type="hidden" name="intent" value={SAVED_REPLY_INTENTS.save} />
          {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
          <div className="grid-2">
            <div className="field">
              <label className="label" htmlFor="saved-reply-team">
                Team
              </label>
              <select id="saved-reply-team" name="teamId" className="select" defaultValue={editing?.teamId ?? teams[0]?.id} aria-invalid={fieldError("teamId") ? true : undefined}>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
              {fieldError("teamId") ? <p className="field-error">{fieldError("teamId")}</p> : null}
            </div>
            <div className="field">
              <label className="label" htmlFor="saved-reply-title">
                Title
              </label>
              <input id="saved-reply-title" name="title" className="input" defaultValue={editing?.title} placeholder="Refund timing" aria-invalid={fieldError("title") ? true : undefined} />
              {fieldError("title") ? <p className="field-error">{fieldError("title")}</p> : null}
            </div>
          </div>
          <div className="field">
            <label className="label" htmlFor="saved-reply-text">
              Reply
            </label>
            <textarea id="saved-reply-text" name="text" className="input textarea" rows={4} defaultValue={editing?.text} aria-invalid={fieldError("text") ? true : undefined} />
            {fieldError("text") ? <p className="field-error">{fieldError("text")}</p> : null}
          </div>
          <div className="row">
            <button type="submit" className="btn btn-primary btn-sm" disabled={navigation.state === "submitting"}>
              {editing ? "Save changes" : "Add saved reply"}
            </button>
            {editing ? (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(null)}>
                Cancel
              </button>
            ) : null}
          </div>
        </Form>
      ) : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
