import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Icon } from "~/components/icons";
import { EmptyState, PageHeader } from "~/components/page";
import { DeleteFlowDialog, NewFlowDialog, RenameFlowDialog } from "~/flow-admin/components/flow-dialogs";
import { FlowTable, type FlowRow } from "~/flow-admin/components/flow-table";
import { ImportConflictDialog, ImportConflictSection, ImportFlowButton, ImportProblems, type ImportProblem } from "~/flow-admin/components/import-flow";
import { formatRelative, plural } from "~/flow-admin/format";
import { createFlow, duplicateFlow, importFlow, listFlows, removeFlow, renameFlow, restoreFlow, type ImportConflict } from "~/flow-admin/flows.server";
import { listStarterFlows } from "~/flow-admin/starters.server";
import builderStyles from "~/styles/builder.css";
import { formFailure, parseForm, type FormErrors } from "~/utils/parse-form";
import { FLOW_LIST_INTENTS } from "~/flow-admin/intents";

export const meta: MetaFunction = () => [{ title: "Flows · Baton" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: builderStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const now = new Date();
  const flows = await listFlows(now);
  const starters = listStarterFlows().map(({ id, name, steps, summary }) => ({ id, name, steps, summary }));
  return { flows: flows.map(({ editedAt, ...flow }): FlowRow => ({ ...flow, edited: formatRelative(editedAt, now) })), starters };
}

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const TOO_LARGE = "The file is larger than 2 MB: that is not a flow document";
const Id = z.string().min(1).max(64);
const ImportChoiceSchema = z.enum(["replace", "copy"]);
const FlowNameSchema = z.string({ error: "Give the flow a name" }).trim().min(1, "Give the flow a name").max(200, "Keep the name under 200 characters");
const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(FLOW_LIST_INTENTS.create), name: FlowNameSchema, starter: z.string().max(100).default("") }),
    z.object({ intent: z.literal(FLOW_LIST_INTENTS.rename), flowId: Id, name: FlowNameSchema }),
    z.object({ intent: z.literal(FLOW_LIST_INTENTS.duplicate), flowId: Id }),
    z.object({ intent: z.literal(FLOW_LIST_INTENTS.delete), flowId: Id }),
    z.object({ intent: z.literal(FLOW_LIST_INTENTS.restore), flowId: Id }),
    z.object({
      intent: z.literal(FLOW_LIST_INTENTS.import),
      file: z
        .instanceof(File, { error: "Choose a flow file (.json) to import" })
        .refine((file) => file.size > 0, "The file is empty")
        .refine((file) => file.size <= MAX_IMPORT_BYTES, TOO_LARGE),
      // Sent only from the dialog that asks what to do with a file whose flow already exists.
      choice: ImportChoiceSchema.optional(),
      // Sent only by the Upload button shown without JavaScript: only that page needs the file's text back on a conflict.
      noscript: z.literal("1").optional(),
    }),
    // The same question answered on the page without JavaScript: the file comes back as text.
    z.object({
      intent: z.literal(FLOW_LIST_INTENTS.importChoice),
      filename: z.string().trim().min(1).max(255),
      // Bytes, as the picked file's limit counts them (`.max` would count UTF-16 code units).
      fileText: z
        .string()
        .min(1, "The file is empty")
        .refine((text) => Buffer.byteLength(text) <= MAX_IMPORT_BYTES, TOO_LARGE),
      choice: ImportChoiceSchema,
    }),
  ],
  { error: "Unknown action" },
);
type Intent = z.infer<typeof ActionSchema>["intent"];

type ActionData =
  | { ok: true; intent: Intent; notice: string; link?: { to: string; label: string }; at: number }
  | ({ ok: false; intent?: Intent; importProblems?: { filename: string; problems: ImportProblem[] }; importConflict?: ImportConflict & { filename: string; fileText?: string; at: number } } & FormErrors);

/**
 * Imports a file's text (picked, or posted back from the conflict page): 409 with the question when
 * its flow exists and no choice was made. The file's text (up to 2 MB) goes back only to the page
 * that asks without JavaScript (`sendTextBack`); the dialog resubmits the picked file itself.
 */
async function answerImport(file: { name: string; text: string }, choice: z.infer<typeof ImportChoiceSchema> | undefined, sendTextBack: boolean) {
  const outcome = await importFlow(file.text, choice);
  if (!outcome.ok && "conflict" in outcome) {
    const fileText = sendTextBack ? { fileText: file.text } : {};
    return data<ActionData>(
      { ok: false, intent: "import", importConflict: { ...outcome.conflict, filename: file.name, ...fileText, at: Date.now() }, fieldErrors: {}, formError: null },
      { status: 409 },
    );
  }
  if (!outcome.ok) {
    return data<ActionData>({ ok: false, intent: "import", importProblems: { filename: file.name, problems: outcome.errors }, fieldErrors: {}, formError: null }, { status: 400 });
  }
  const warnings = outcome.warnings.length ? ` (${plural(outcome.warnings.length, "warning")} to look at in the editor)` : "";
  const what = outcome.replaced ? `Replaced the draft of ${outcome.name} with ${file.name}` : `Imported ${outcome.name} as a new draft`;
  return data<ActionData>({ ok: true, intent: "import", notice: `${what}${warnings}. Publish it from the editor to make it live.`, link: { to: `/flows/${outcome.id}`, label: "Open it" }, at: Date.now() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const form = await request.formData();
  const rawIntent = String(form.get("intent") ?? "") as Intent;
  // The file input and the no-JavaScript answer's hidden fields have no error line of their own: their problems are the form's.
  const parsed = parseForm(form, ActionSchema, { formLevel: ["intent", "file", "filename", "fileText", "choice", "noscript"] });
  if (!parsed.ok) return data<ActionData>({ ok: false, intent: rawIntent, fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
  const input = parsed.data;
  const done = (notice: string, link?: { to: string; label: string }) => data<ActionData>({ ok: true, intent: input.intent, notice, link, at: Date.now() });
  const refused = (outcome: { message: string; field?: string }) =>
    data<ActionData>({ ok: false, intent: input.intent, ...formFailure(outcome.message, outcome.field) }, { status: 400 });

  switch (input.intent) {
    case "create": {
      const outcome = await createFlow({ name: input.name, starter: input.starter || undefined });
      return outcome.ok ? redirect(`/flows/${outcome.id}`) : refused(outcome);
    }
    case "rename": {
      const outcome = await renameFlow(input.flowId, input.name);
      return outcome.ok ? done(`Renamed to ${input.name}`) : refused(outcome);
    }
    case "duplicate": {
      const outcome = await duplicateFlow(input.flowId);
      return outcome.ok ? done(`Created ${outcome.name}`, { to: `/flows/${outcome.id}`, label: "Open it" }) : refused(outcome);
    }
    case "delete": {
      const outcome = await removeFlow(input.flowId);
      return outcome.ok ? done(outcome.result === "archived" ? "Flow archived: its chat page no longer starts conversations" : "Flow deleted") : refused(outcome);
    }
    case "restore": {
      const outcome = await restoreFlow(input.flowId);
      return outcome.ok ? done("Flow restored") : refused(outcome);
    }
    case "import":
      return answerImport({ name: input.file.name, text: await input.file.text() }, input.choice, input.noscript === "1");
    case "import-choice":
      return answerImport({ name: input.filename, text: input.fileText }, input.choice, true);
  }
}

export default function FlowsPage() {
  const { flows, starters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowRow | null>(null);
  const [deleting, setDeleting] = useState<FlowRow | null>(null);
  const failed = result && !result.ok ? result : undefined;
  const failedIntent = failed?.intent;

  // A successful action closes its dialog; a refused one keeps it open with the errors.
  const doneAt = result?.ok ? result.at : 0;
  useEffect(() => {
    if (!doneAt) return;
    setRenaming(null);
    setDeleting(null);
  }, [doneAt]);
  useEffect(() => {
    if (failedIntent === "create") setCreating(true);
  }, [failed, failedIntent]);

  const errorsFor = (intent: Intent) => (failedIntent === intent ? { errors: failed?.fieldErrors, formError: failed?.formError } : {});
  const listError = failed && failedIntent && ["duplicate", "restore", "import", "import-choice"].includes(failedIntent) && !failed.importProblems ? failed.formError : undefined;

  return (
    <div className="page">
      <PageHeader
        title="Flows"
        description="The conversations your bot has with customers. Publish a flow to put it on its chat page."
        actions={
          <>
            <ImportFlowButton />
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              <Icon name="plus" size={16} />
              New flow
            </button>
          </>
        }
      />
      {result?.ok ? (
        <p className="notice" role="status">
          {result.notice}
          {result.link ? (
            <>
              {" "}
              <Link to={result.link.to}>{result.link.label}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {listError ? (
        <p className="form-error" role="alert">
          {listError}
        </p>
      ) : null}
      <ImportConflictDialog conflict={failed?.importConflict ?? null} />
      <ImportConflictSection conflict={failed?.importConflict ?? null} />
      {failed?.importProblems ? <ImportProblems filename={failed.importProblems.filename} problems={failed.importProblems.problems} /> : null}

      {flows.length === 0 ? (
        <EmptyState icon="flows" title="No flows yet">
          Create your first flow: start from a blank canvas or from one of the ready-made flows.
        </EmptyState>
      ) : (
        <section className="card" aria-label="Flows">
          <FlowTable flows={flows} onRename={setRenaming} onDelete={setDeleting} />
        </section>
      )}

      <NewFlowDialog open={creating} onClose={() => setCreating(false)} starters={starters} {...errorsFor("create")} />
      <RenameFlowDialog flow={renaming} onClose={() => setRenaming(null)} {...errorsFor("rename")} />
      <DeleteFlowDialog flow={deleting} onClose={() => setDeleting(null)} formError={failedIntent === "delete" ? failed?.formError : undefined} />
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
