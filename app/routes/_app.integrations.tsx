/**
 * API connections (admin): the hosts "Call an API" steps may reach and the API keys they send.
 * Keys are write-only here: the page lists names and how each is sent, never a secret.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { ConfirmButton } from "~/components/confirm-dialog";
import { Field, FormError, useFocusFirstInvalid } from "~/components/form";
import { PageHeader } from "~/components/page";
import { useResetKey } from "~/components/use-reset-key";
import { ALLOWED_HOSTS_VARIABLE, allowHost, environmentHostRules, listWorkspaceHosts, removeHost } from "~/integrations/allowed-hosts.server";
import { CredentialInputSchema, deleteCredential, listCredentials, saveCredential } from "~/integrations/credentials.server";
import { parseHostEntry } from "~/integrations/host-rules";
import { formFailure, parseForm, type FormErrors } from "~/utils/parse-form";
import { TableHead } from "~/components/table-head";

export const meta: MetaFunction = () => [{ title: "API connections · Baton" }];

function readEnvironmentHosts(): { hosts: string[]; error: string | null } {
  try {
    return { hosts: environmentHostRules().map((rule) => rule.host), error: null };
  } catch (error) {
    return { hosts: [], error: error instanceof Error ? error.message : String(error) };
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [hosts, credentials] = await Promise.all([listWorkspaceHosts(), listCredentials()]);
  return { hosts, credentials, environment: readEnvironmentHosts() };
}

const HostSchema = z.string().transform((value, ctx) => {
  const parsed = parseHostEntry(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
  return parsed.ok ? parsed.host : "";
});
const Checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

const IntentSchema = z.enum(["allow-host", "remove-host", "save-credential", "delete-credential"], { error: "Unknown action" });
const AllowHostSchema = z.object({ host: HostSchema, allowPrivate: Checkbox, note: z.string().trim().max(200).default("") });
const RemoveHostSchema = z.object({ id: z.string().min(1) });
const DeleteCredentialSchema = z.object({ name: z.string().min(1) });

type Intent = z.infer<typeof IntentSchema>;
type ActionData = { ok: true; intent: Intent; notice: string; at: number } | ({ ok: false; intent: string } & FormErrors);

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const form = await request.formData();
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data<ActionData>({ ok: false, intent: "", ...formFailure("Unknown action") }, { status: 400 });
  const done = (notice: string) => data<ActionData>({ ok: true, intent: intent.data, notice, at: Date.now() });
  const invalid = (errors: FormErrors) => data<ActionData>({ ok: false, intent: intent.data, ...errors }, { status: 400 });
  const gone = (message: string) => data<ActionData>({ ok: false, intent: intent.data, ...formFailure(message) }, { status: 404 });
  switch (intent.data) {
    case "allow-host": {
      const input = parseForm(form, AllowHostSchema);
      if (!input.ok) return invalid(input);
      await allowHost(input.data);
      return done(`${input.data.host} can now be called`);
    }
    case "remove-host": {
      const input = parseForm(form, RemoveHostSchema);
      if (!input.ok) return invalid(input);
      const removed = await removeHost(input.data.id);
      return removed ? done(`${removed} removed: “Call an API” steps can no longer reach it`) : gone("That host was already removed.");
    }
    case "save-credential": {
      const input = parseForm(form, CredentialInputSchema);
      if (!input.ok) return invalid(input);
      await saveCredential(input.data);
      return done(`API key “${input.data.name}” saved`);
    }
    case "delete-credential": {
      const input = parseForm(form, DeleteCredentialSchema);
      if (!input.ok) return invalid(input);
      return (await deleteCredential(input.data.name)) ? done(`API key “${input.data.name}” deleted`) : gone("That API key was already deleted.");
    }
  }
}

function HiddenIntent({ intent }: { intent: Intent }) {
  return <input type="hidden" name="intent" value={intent} />;
}

export default function IntegrationsPage() {
  const { hosts, credentials, environment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const errorsFor = (intent: Intent) => (failed?.intent === intent ? failed.fieldErrors : {});
  const hostSavedAt = useResetKey(result, "allow-host");
  const keySavedAt = useResetKey(result, "save-credential");
  const hostErrors = errorsFor("allow-host");
  const keyErrors = errorsFor("save-credential");
  const hostForm = useFocusFirstInvalid(failed?.intent === "allow-host" ? failed : undefined);
  const keyForm = useFocusFirstInvalid(failed?.intent === "save-credential" ? failed : undefined);
  return (
    <div className="page">
      <PageHeader
        title="API connections"
        description="What “Call an API” steps may reach, and the API keys they send. Keys are stored encrypted and are never shown again."
      />
      {result?.ok ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      <FormError message={failed?.formError} />

      <section className="card" aria-labelledby="hosts-heading">
        <div className="card-header">
          <div>
            <h2 id="hosts-heading">Allowed hosts</h2>
            <p>Steps can only call these hosts. Without a port, only the standard ports (443 and 80) are allowed.</p>
          </div>
        </div>
        {environment.error ? (
          <div className="card-alert">
            <FormError message={environment.error} />
          </div>
        ) : null}
        <table className="table">
          <TableHead columns={[{ label: "Host" }, { label: "Internal network" }, { label: "Note" }, { label: "Actions", hidden: true }]} />
          <tbody>
            {hosts.map((host) => (
              <tr key={host.id}>
                <td>
                  <code>{host.host}</code>
                </td>
                <td>{host.allowPrivate ? <span className="badge badge-accent">Allowed</span> : <span className="muted">No</span>}</td>
                <td>{host.note || <span className="muted">—</span>}</td>
                <td className="cell-actions">
                  <ConfirmButton
                    label="Remove"
                    accessibleName={`Remove ${host.host}`}
                    title={`Remove ${host.host}?`}
                    text="“Call an API” steps that call this host fail from now on (they take their “Failed” path) until it is allowed again."
                    confirm="Remove host"
                    fields={{ intent: "remove-host" satisfies Intent, id: host.id }}
                  />
                </td>
              </tr>
            ))}
            {environment.hosts.map((host) => (
              <tr key={`env-${host}`}>
                <td>
                  <code>{host}</code>
                </td>
                <td>
                  <span className="badge badge-accent">Allowed</span>
                </td>
                <td className="muted">Set by the server's {ALLOWED_HOSTS_VARIABLE}</td>
                <td />
              </tr>
            ))}
            {hosts.length + environment.hosts.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No hosts yet: “Call an API” steps cannot call anything.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <div className="card-footer">
          <Form ref={hostForm} method="post" className="stack" noValidate key={`host-${hostSavedAt}`} aria-label="Allow a host">
            <h3 className="form-title">Allow a host</h3>
            <HiddenIntent intent="allow-host" />
            <div className="grid-2">
              <Field label="Host" name="host" placeholder="api.example.com" error={hostErrors.host} autoComplete="off" spellCheck={false} />
              <Field label="Note (optional)" name="note" placeholder="Order system" error={hostErrors.note} maxLength={200} />
            </div>
            <label className="checkbox">
              <input type="checkbox" name="allowPrivate" />
              It is on our internal network (allow private and local addresses for this host only)
            </label>
            <div>
              <button type="submit" className="btn btn-primary">
                Allow host
              </button>
            </div>
          </Form>
        </div>
      </section>

      <section className="card" aria-labelledby="keys-heading">
        <div className="card-header">
          <div>
            <h2 id="keys-heading">API keys</h2>
            <p>Steps name a key; the key itself never appears in a flow, an export, the preview or the logs.</p>
          </div>
        </div>
        <table className="table">
          <TableHead columns={[{ label: "Name" }, { label: "Sent as" }, { label: "Last changed" }, { label: "Actions", hidden: true }]} />
          <tbody>
            {credentials.map((credential) => (
              <tr key={credential.name}>
                <td>
                  <code>{credential.name}</code>
                </td>
                <td>
                  {credential.scheme === "header" ? (
                    <>
                      Header <code>{credential.headerName}</code>
                    </>
                  ) : (
                    "Bearer token (Authorization header)"
                  )}
                </td>
                <td>{new Date(credential.updatedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</td>
                <td className="cell-actions">
                  <ConfirmButton
                    label="Delete"
                    accessibleName={`Delete ${credential.name}`}
                    title={`Delete the key “${credential.name}”?`}
                    text="Steps that send this key fail from now on (they take their “Failed” path). Baton cannot show the key again: to use it later, paste it again."
                    confirm="Delete key"
                    fields={{ intent: "delete-credential" satisfies Intent, name: credential.name }}
                  />
                </td>
              </tr>
            ))}
            {credentials.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  No API keys yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <div className="card-footer">
          <Form ref={keyForm} method="post" className="stack" noValidate key={`key-${keySavedAt}`} aria-label="Add or replace an API key">
            <h3 className="form-title">Add or replace an API key</h3>
            <HiddenIntent intent="save-credential" />
            <div className="grid-2">
              <Field
                label="Name"
                name="name"
                placeholder="orders-api"
                hint="Saving an existing name replaces its key."
                error={keyErrors.name}
                autoComplete="off"
                spellCheck={false}
              />
              <Field label="API key" name="secret" type="password" error={keyErrors.secret} autoComplete="new-password" />
            </div>
            <CredentialSchemeFields headerNameError={keyErrors.headerName} />
            <div>
              <button type="submit" className="btn btn-primary">
                Save API key
              </button>
            </div>
          </Form>
        </div>
      </section>
    </div>
  );
}

/**
 * "Send it as" and, for a header of its own, the header's name: a Bearer token always goes in the
 * Authorization header, so its name is not asked. Inside the keyed form, so a saved key starts
 * again as Bearer while a refused one keeps its choice.
 */
function CredentialSchemeFields({ headerNameError }: { headerNameError?: string }) {
  const [scheme, setScheme] = useState("bearer");
  return (
    <div className="grid-2">
      <div className="field">
        <label className="label" htmlFor="credential-scheme">
          Send it as
        </label>
        <select id="credential-scheme" name="scheme" className="select" value={scheme} onChange={(event) => setScheme(event.currentTarget.value)}>
          <option value="bearer">Bearer token (Authorization: Bearer …)</option>
          <option value="header">A header of its own</option>
        </select>
      </div>
      {scheme === "header" ? <Field label="Header name" name="headerName" placeholder="X-Api-Key" error={headerNameError} autoComplete="off" spellCheck={false} /> : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
