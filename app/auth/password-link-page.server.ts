/**
 * The loader and action behind the public invitation and reset pages (one each; the purpose
 * tells them apart). The page shows nothing but the person's name, and only for a working link.
 */
import { data } from "@remix-run/node";
import type { FieldErrors } from "~/components/form";
import { db } from "~/utils/db.server";
import { readPasswordLink, usePasswordLink, type LinkPurpose, type LinkState } from "./password-links.server";
import { homePath } from "./redirect";
import { assertSameOrigin } from "./same-origin.server";
import { SetPasswordSchema } from "./schemas";
import { createUserSession } from "./session.server";

export type PasswordLinkPageData = { purpose: LinkPurpose; link: LinkState };
export type PasswordLinkActionData = { fieldErrors: FieldErrors } | { link: LinkState };

// Unknown: 404 like any wrong address; used or expired: 410, it existed and is gone.
const statusOf = (link: LinkState) => (link.state === "valid" ? 200 : link.state === "unknown" ? 404 : 410);

export async function loadPasswordLinkPage(token: string | undefined, purpose: LinkPurpose) {
  const link: LinkState = token ? await readPasswordLink(db, token, purpose) : { state: "unknown" };
  return data<PasswordLinkPageData>({ purpose, link }, { status: statusOf(link) });
}

/** Sets the password and signs the person in (a new session; every other one ended). */
export async function submitPasswordLinkPage(request: Request, token: string | undefined, purpose: LinkPurpose) {
  assertSameOrigin(request);
  const form = await request.formData();
  const parsed = SetPasswordSchema.safeParse({ password: form.get("password") ?? undefined, confirm: form.get("confirm") ?? undefined });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return data<PasswordLinkActionData>({ fieldErrors }, { status: 400 });
  }
  const used = token ? await usePasswordLink(db, token, purpose, parsed.data.password) : ({ ok: false, state: "unknown" } as const);
  if (!used.ok) return data<PasswordLinkActionData>({ link: { state: used.state } }, { status: statusOf({ state: used.state }) });
  return createUserSession(used.userId, homePath(used.role), request.headers.get("user-agent") ?? "");
}
