/**
 * The workspace's branding row (id "workspace"; absent until first saved, which reads as the
 * defaults) and the avatar upload. The image is kept in the database as a data: URL — no file
 * storage to configure, and the chat page's CSP already allows data: images — so it is capped
 * at 64 KB and must really be a PNG, JPEG, WebP or GIF (checked by its first bytes, not its name).
 */
import type { Db } from "~/utils/db.server";
import { DEFAULT_BRANDING, type BrandingForm, type WorkspaceBrandingValues } from "./branding";

export const MAX_AVATAR_BYTES = 64 * 1024;
const ROW_ID = "workspace";

const select = { botName: true, avatarText: true, avatarImage: true, accentColor: true, chatTitle: true, welcomeLine: true } as const;

export async function getWorkspaceBranding(db: Db): Promise<WorkspaceBrandingValues> {
  const row = await db.workspaceBranding.findUnique({ where: { id: ROW_ID }, select });
  return row ?? DEFAULT_BRANDING;
}

/** `image`: a new upload (already checked by readAvatarUpload), null to remove it, undefined to keep it. */
export async function saveWorkspaceBranding(db: Db, form: BrandingForm, image: string | null | undefined): Promise<void> {
  const values = { botName: form.botName, avatarText: form.avatarText, accentColor: form.accentColor, chatTitle: form.chatTitle, welcomeLine: form.welcomeLine };
  const imageChange = image === undefined ? {} : { avatarImage: image };
  await db.workspaceBranding.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...values, ...imageChange }, update: { ...values, ...imageChange }, select: { id: true } });
}

const SIGNATURES: { type: string; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: "image/png", matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/gif", matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { type: "image/webp", matches: (b) => String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP" },
];

export type AvatarUpload = { ok: true; dataUrl: string | undefined } | { ok: false; message: string };

/** The form's `avatarImage` file: undefined when none was chosen, else a checked data: URL. */
export async function readAvatarUpload(value: FormDataEntryValue | null): Promise<AvatarUpload> {
  if (!value || typeof value === "string" || value.size === 0) return { ok: true, dataUrl: undefined };
  if (value.size > MAX_AVATAR_BYTES) return { ok: false, message: `The image is ${Math.ceil(value.size / 1024)} KB; use one of at most 64 KB (a 128 × 128 PNG is plenty)` };
  const bytes = new Uint8Array(await value.arrayBuffer());
  const kind = SIGNATURES.find((signature) => signature.matches(bytes));
  if (!kind) return { ok: false, message: "Use a PNG, JPEG, WebP or GIF image" };
  return { ok: true, dataUrl: `data:${kind.type};base64,${Buffer.from(bytes).toString("base64")}` };
}
