import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getUser } from "~/auth/guards.server";
import { verifyLogin } from "~/auth/login.server";
import { LoginSchema } from "~/auth/schemas";
import { homePath, safeRedirect } from "~/auth/redirect";
import { assertSameOrigin } from "~/auth/same-origin.server";
import { createUserSession } from "~/auth/session.server";
import { clientAddress } from "~/runtime/api/rate-limit.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Field, FormError } from "~/components/form";
import { formFailure, parseForm, type FormErrors } from "~/utils/parse-form";
import { Icon } from "~/components/icons";

export const meta: MetaFunction = () => [{ title: "Sign in · Baton" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirect(redirectTo, homePath(user.role)));
  }
  return null;
}

type ActionData = FormErrors & { email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  // Login CSRF: another site must not sign a visitor into an account of its choosing.
  assertSameOrigin(request);
  const form = await request.formData();
  const parsed = parseForm(form, LoginSchema);
  // Echo the typed email back (never the password), trimmed to something a field can show.
  const email = String(form.get("email") ?? "").slice(0, 254);
  if (!parsed.ok) return data<ActionData>({ fieldErrors: parsed.fieldErrors, formError: parsed.formError, email }, { status: 400 });
  const address = clientAddress(context);
  const result = await verifyLogin(parsed.data, address === "unknown" ? null : address);
  if (!result.ok) {
    const headers = result.status === 429 ? { "Retry-After": String(result.retryAfterSeconds) } : undefined;
    return data<ActionData>({ ...formFailure(result.message), email }, { status: result.status, headers });
  }
  const redirectTo = safeRedirect(parsed.data.redirectTo, homePath(result.user.role));
  return createUserSession(result.user.id, redirectTo, request.headers.get("user-agent") ?? "");
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formAction?.startsWith("/login") === true;
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errors = actionData?.fieldErrors ?? {};

  // After a failed attempt, put the cursor where the person has to act.
  useEffect(() => {
    if (!actionData) return;
    if (passwordRef.current) passwordRef.current.value = "";
    if (errors.email) emailRef.current?.focus();
    else passwordRef.current?.focus();
  }, [actionData, errors.email]);

  return (
    <main className="auth-page">
      <div className="auth-card">
        <header>
          <span className="brand-mark brand-mark-lg">
            <Icon name="spark" size={18} strokeWidth={2.2} />
          </span>
          <h1>Sign in to Baton</h1>
          <p>Build support flows and answer your customers.</p>
        </header>
        {/* noValidate: the server's messages are the ones people see, in every browser. */}
        <Form method="post" noValidate className="stack" aria-label="Sign in">
          <FormError message={actionData?.formError} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field
            ref={emailRef}
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            autoFocus
            placeholder="you@company.com"
            defaultValue={actionData?.email}
            error={errors.email}
          />
          <Field ref={passwordRef} label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="btn btn-primary btn-block" disabled={submitting}>
            {submitting ? "Signing in…" : "Sign in"}
          </button>
        </Form>
        <p className="auth-footer">Trouble signing in? Ask an admin of your workspace.</p>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
