/**
 * The public page an invitation or reset link opens: choose a password, then you are signed in.
 * It shows the person's own name and nothing else about the workspace; a used, expired or
 * unknown link gets a page that says so and what to do.
 */
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/form";
import { Icon } from "~/components/icons";
import type { PasswordLinkActionData, PasswordLinkPageData } from "../password-link-page.server";
import type { LinkState } from "../password-links.server";

const PROBLEMS: Record<Exclude<LinkState["state"], "valid">, { title: string; text: string }> = {
  unknown: { title: "This link doesn't work", text: "Check that you opened the whole link. If it still doesn't work, ask an admin of your workspace for a new one." },
  used: { title: "This link was already used", text: "Each link works once. Sign in with the password you chose, or ask an admin of your workspace for a new link." },
  expired: { title: "This link has expired", text: "Ask an admin of your workspace for a new link." },
};

export function SetPasswordPage() {
  const page = useLoaderData<PasswordLinkPageData>();
  const answer = useActionData<PasswordLinkActionData>();
  const navigation = useNavigation();
  const link = answer && "link" in answer ? answer.link : page.link;
  const errors = answer && "fieldErrors" in answer ? answer.fieldErrors : {};
  return (
    <main className="auth-page">
      <div className="auth-card">
        {link.state === "valid" ? (
          <>
            <header>
              <span className="brand-mark brand-mark-lg">
                <Icon name="spark" size={18} strokeWidth={2.2} />
              </span>
              <h1>{page.purpose === "invite" ? `Welcome to Baton, ${link.name}` : `Choose a new password, ${link.name}`}</h1>
              <p>{page.purpose === "invite" ? "Choose a password to sign in with." : "Your other sessions end when you save it."}</p>
            </header>
            <Form method="post" noValidate className="stack" aria-label="Choose your password">
              <FormError message={errors.form} />
              <Field label="Password" name="password" type="password" autoComplete="new-password" autoFocus hint="At least 8 characters." error={errors.password} />
              <Field label="Password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
              <button type="submit" className="btn btn-primary btn-block" disabled={navigation.state !== "idle"}>
                {navigation.state !== "idle" ? "Saving…" : page.purpose === "invite" ? "Set password and sign in" : "Save password and sign in"}
              </button>
            </Form>
          </>
        ) : (
          <header>
            <span className="brand-mark brand-mark-lg">
              <Icon name="lock" size={18} strokeWidth={2.2} />
            </span>
            <h1>{PROBLEMS[link.state].title}</h1>
            <p>{PROBLEMS[link.state].text}</p>
            <p>
              <Link to="/login">Go to sign in</Link>
            </p>
          </header>
        )}
      </div>
    </main>
  );
}
