/**
 * "Your account" (everyone signed in, from their name in the sidebar): the name the team and
 * customers see, and the password — before, only an admin's reset link could change it.
 * Changing the password signs the person out on every other device and keeps this one signed
 * in with a fresh session.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { ACCOUNT_INTENTS, PasswordChangeSchema, ProfileSchema } from "~/auth/account-schemas";
import { changeOwnPassword, renameSelf } from "~/auth/account.server";
import { requireUser } from "~/auth/guards.server";
import { assertSameOrigin } from "~/auth/same-origin.server";
import { createUserSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Field, FormError } from "~/components/form";
import { PageHeader } from "~/components/page";
import { clientAddress } from "~/runtime/api/rate-limit.server";
import { formFailure, parseForm, type FormErrors } from "~/utils/parse-form";

export const meta: MetaFunction = () => [{ title: "Your account · Baton" }];

/** Where the page lands after a password change: the fresh session's redirect says so. */
const PASSWORD_CHANGED = "/account?password=changed";

export async function loader({ request }: LoaderFunctionArgs) {
  const { name, email, role } = await requireUser(request);
  return { name, email, role };
}

type ActionData = ({ intent: string } & FormErrors & { ok: false }) | { intent: string; ok: true };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertSameOrigin(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === ACCOUNT_INTENTS.profile) {
    const parsed = parseForm(form, ProfileSchema);
    if (!parsed.ok) return data<ActionData>({ intent, ok: false, fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
    await renameSelf(user.id, parsed.data.name);
    return data<ActionData>({ intent, ok: true });
  }
  if (intent === ACCOUNT_INTENTS.password) {
    const parsed = parseForm(form, PasswordChangeSchema);
    if (!parsed.ok) return data<ActionData>({ intent, ok: false, fieldErrors: parsed.fieldErrors, formError: parsed.formError }, { status: 400 });
    const address = clientAddress(context);
    const result = await changeOwnPassword(user, parsed.data, address === "unknown" ? null : address);
    if (!result.ok) return data<ActionData>({ intent, ok: false, fieldErrors: result.fieldErrors, formError: result.formError }, { status: result.status });
    return createUserSession(user.id, PASSWORD_CHANGED, request.headers.get("user-agent") ?? "");
  }
  return data<ActionData>({ intent, ok: false, ...formFailure("Unknown action") }, { status: 400 });
}

const ROLE_NAMES = { admin: "Admin: builds flows and manages the workspace", agent: "Agent: answers conversations in the inbox" } as const;

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new form after each navigation: the change's redirect must not leave the passwords typed in.
  const { key: visit } = useLocation();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const profile = answer?.intent === ACCOUNT_INTENTS.profile ? answer : null;
  const password = answer?.intent === ACCOUNT_INTENTS.password ? answer : null;
  const profileErrors = profile && !profile.ok ? profile : null;
  const passwordErrors = password && !password.ok ? password : null;
  const passwordForm = useRef<HTMLFormElement>(null);
  const profileForm = useRef<HTMLFormElement>(null);

  // A refused form: the cursor goes to the field to fix, and typed passwords are not left behind.
  useEffect(() => {
    const form = passwordErrors ? passwordForm.current : profileErrors ? profileForm.current : null;
    if (!form) return;
    if (passwordErrors) form.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => (input.value = ""));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [passwordErrors, profileErrors]);

  return (
    <div className="page">
      <PageHeader title="Your account" description="Your name as your team and customers see it, and the password you sign in with." />
      {searchParams.get("password") === "changed" && !answer ? (
        <p className="notice account-card" role="status">
          Password changed. You are still signed in here and signed out on every other device.
        </p>
      ) : null}
      <section className="card account-card" aria-labelledby="account-profile">
        <div className="card-header">
          <h2 id="account-profile">Profile</h2>
          <p>
            Signed in as <strong>{account.email}</strong> · {ROLE_NAMES[account.role]}
          </p>
        </div>
        <Form method="post" ref={profileForm} className="card-body stack" noValidate>
          <input type="hidden" name="intent" value={ACCOUNT_INTENTS.profile} />
          <FormError message={profileErrors?.formError} />
          <Field
            label="Name"
            name="name"
            defaultValue={account.name}
            maxLength={80}
            autoComplete="name"
            hint="Shown beside your replies in the inbox and to customers in the chat."
            error={profileErrors?.fieldErrors.name}
          />
          <div className="row">
            <BusySubmitButton className="btn btn-primary" busy={busy(ACCOUNT_INTENTS.profile)}>
              {busy(ACCOUNT_INTENTS.profile) ? "Saving…" : "Save name"}
            </BusySubmitButton>
            {profile?.ok ? (
              <span className="muted" role="status">
                Saved.
              </span>
            ) : null}
          </div>
        </Form>
      </section>
      <section className="card account-card" aria-labelledby="account-password">
        <div className="card-header">
          <h2 id="account-password">Password</h2>
          <p>Changing it signs you out on every other device.</p>
        </div>
        <Form method="post" ref={passwordForm} key={visit} className="card-body stack" noValidate>
          <input type="hidden" name="intent" value={ACCOUNT_INTENTS.password} />
          <FormError message={passwordErrors?.formError} />
          <Field label="Current password" name="current" type="password" autoComplete="current-password" error={passwordErrors?.fieldErrors.current} />
          <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 8 characters." error={passwordErrors?.fieldErrors.password} />
          <Field label="New password again" name="confirm" type="password" autoComplete="new-password" error={passwordErrors?.fieldErrors.confirm} />
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy(ACCOUNT_INTENTS.password)}>
              {busy(ACCOUNT_INTENTS.password) ? "Changing…" : "Change password"}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
