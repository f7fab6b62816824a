/**
 * Chat branding (admin): the bot's name and avatar, the accent colour, the chat's title and a
 * welcome line for every flow's hosted chat and widget; a flow may override the texts and the
 * colour in its settings. The preview beside the form follows every keystroke.
 */
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { BusySubmitButton } from "~/components/busy-submit-button";
import { BrandingFormSchema, resolveBranding, type WorkspaceBrandingValues } from "~/branding/branding";
import { getWorkspaceBranding, readAvatarUpload, saveWorkspaceBranding } from "~/branding/branding.server";
import { BrandingPreview } from "~/branding/components/branding-preview";
import { ContrastNote } from "~/branding/components/contrast-note";
import { normaliseHex } from "~/branding/contrast";
import { requireAdmin } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/error-page";
import { Field, FormError, useFocusFirstInvalid, type FieldErrors } from "~/components/form";
import { PageHeader } from "~/components/page";
import brandingStyles from "~/styles/branding.css";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Chat branding · Baton" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: brandingStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { branding: await getWorkspaceBranding(db) };
}

type ActionData = { ok: true; at: number } | { ok: false; fieldErrors: FieldErrors };

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const form = await request.formData();
  const { avatarImage: file, ...fields } = Object.fromEntries(form);
  const parsed = BrandingFormSchema.safeParse(fields);
  const upload = await readAvatarUpload(file ?? null);
  if (!parsed.success || !upload.ok) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error?.issues ?? []) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    if (!upload.ok) fieldErrors.avatarImage = upload.message;
    return data<ActionData>({ ok: false, fieldErrors }, { status: 400 });
  }
  const image = upload.dataUrl ?? (parsed.data.removeImage ? null : undefined);
  await saveWorkspaceBranding(db, parsed.data, image);
  return data<ActionData>({ ok: true, at: Date.now() });
}

export default function BrandingPage() {
  const { branding: saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const form = useFocusFirstInvalid(result);
  const [values, setValues] = useState<WorkspaceBrandingValues>(saved);
  const [pickedImage, setPickedImage] = useState<string | null>(null);
  const [removeImage, setRemoveImage] = useState(false);
  const set = (key: keyof WorkspaceBrandingValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [key]: value }));
  };
  const image = pickedImage ?? (removeImage ? null : saved.avatarImage);
  const preview = resolveBranding({ ...values, avatarImage: image });

  return (
    <div className="page">
      <PageHeader
        title="Chat branding"
        description="How the hosted chat and the website widget look to customers. A flow can override the texts and the colour in its settings (Flow settings → Branding)."
      />
      {result?.ok ? (
        <p className="notice" role="status" key={result.at}>
          Branding saved: customers see it on their next page load.
        </p>
      ) : null}
      <FormError message={errors.form} />
      <div className="branding-layout">
        <Form ref={form} method="post" encType="multipart/form-data" className="card stack card-body" noValidate aria-label="Chat branding">
          <div className="grid-2">
            <Field label="Bot name" name="botName" value={values.botName} onChange={set("botName")} maxLength={40} error={errors.botName} hint="Shown above the bot's messages." />
            <Field label="Chat title" name="chatTitle" value={values.chatTitle} onChange={set("chatTitle")} maxLength={60} error={errors.chatTitle} hint="The chat's header and the browser tab." />
          </div>
          <Field label="Welcome line (optional)" name="welcomeLine" value={values.welcomeLine} onChange={set("welcomeLine")} maxLength={200} error={errors.welcomeLine} hint="A line at the top of every new chat." />
          <div className="grid-2">
            <div>
              <div className="branding-colour">
                <Field label="Accent colour" name="accentColor" value={values.accentColor} onChange={set("accentColor")} error={errors.accentColor} spellCheck={false} autoComplete="off" />
                <input type="color" className="branding-colour__picker" aria-label="Pick the accent colour" value={normaliseHex(values.accentColor) ?? "#4f46e5"} onChange={set("accentColor")} />
              </div>
              {/* The field's own error already says what a colour looks like. */}
              {errors.accentColor ? null : <ContrastNote chosen={values.accentColor} colours={preview.accent} />}
            </div>
            <div className="stack">
              <Field label="Avatar letters or emoji" name="avatarText" value={values.avatarText} onChange={set("avatarText")} maxLength={8} error={errors.avatarText} hint="Empty: the bot name's first letter." />
              <Field
                label="Or an avatar image (PNG, JPEG, WebP or GIF, up to 64 KB)"
                name="avatarImage"
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                error={errors.avatarImage}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  if (!file) return setPickedImage(null);
                  const reader = new FileReader();
                  reader.onload = () => setPickedImage(typeof reader.result === "string" ? reader.result : null);
                  reader.readAsDataURL(file);
                }}
              />
              {saved.avatarImage ? (
                <label className="checkbox branding-avatar-current">
                  <input type="checkbox" name="removeImage" checked={removeImage} onChange={(event) => setRemoveImage(event.currentTarget.checked)} />
                  <img src={saved.avatarImage} alt="" /> Remove the current image
                </label>
              ) : null}
            </div>
          </div>
          <div>
            <BusySubmitButton className="btn btn-primary" busy={saving}>
              {saving ? "Saving…" : "Save branding"}
            </BusySubmitButton>
          </div>
        </Form>
        <BrandingPreview branding={preview} />
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary };
