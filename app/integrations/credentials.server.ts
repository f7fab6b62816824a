/**
 * Workspace credentials (API keys) for `http` steps. Flows name a credential; its secret is
 * stored sealed (secret-box) and read only here, at the moment a request is sent. Nothing this
 * module returns to callers outside the runtime ever contains the secret.
 */
import { z } from "zod";
import { CredentialNameSchema, HeaderNameSchema } from "~/nodes/http/schema";
import { db } from "~/utils/db.server";
import { openSecret, sealSecret } from "./secret-box.server";

export const CredentialSchemeSchema = z.enum(["bearer", "header"]);

export const CredentialInputSchema = z
  .object({
    name: CredentialNameSchema,
    scheme: CredentialSchemeSchema.default("bearer"),
    headerName: z.string().trim().optional(),
    secret: z.string().trim().min(1, "Paste the API key").max(4000).regex(/^[^\r\n]*$/, "An API key is one line"),
  })
  .superRefine((value, ctx) => {
    if (value.scheme !== "header") return;
    const header = HeaderNameSchema.safeParse(value.headerName ?? "");
    if (!header.success) ctx.addIssue({ code: "custom", path: ["headerName"], message: header.error.issues[0]?.message ?? "Enter the header name, e.g. X-Api-Key" });
  });
export type CredentialInput = z.infer<typeof CredentialInputSchema>;

/** What pages may show: never the secret, not even part of it. */
export type CredentialSummary = { name: string; scheme: "bearer" | "header"; headerName: string | null; updatedAt: string };

export async function listCredentials(): Promise<CredentialSummary[]> {
  const rows = await db.httpCredential.findMany({ orderBy: { name: "asc" }, select: { name: true, scheme: true, headerName: true, updatedAt: true } });
  return rows.map((row) => ({ name: row.name, scheme: row.scheme === "header" ? "header" : "bearer", headerName: row.headerName, updatedAt: row.updatedAt.toISOString() }));
}

export async function listCredentialNames(): Promise<string[]> {
  const rows = await db.httpCredential.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((row) => row.name);
}

/** Creates the credential, or replaces the secret and settings of the one with that name. */
export async function saveCredential(input: CredentialInput): Promise<void> {
  const data = { scheme: input.scheme, headerName: input.scheme === "header" ? (input.headerName ?? null) : null, secret: sealSecret(input.secret, input.name) };
  await db.httpCredential.upsert({ where: { name: input.name }, create: { name: input.name, ...data }, update: data });
}

export async function deleteCredential(name: string): Promise<boolean> {
  const deleted = await db.httpCredential.deleteMany({ where: { name } });
  return deleted.count > 0;
}

/** The header that carries the credential; null when there is no usable credential of that name. */
export async function resolveCredentialHeader(name: string): Promise<{ name: string; value: string } | null> {
  const row = await db.httpCredential.findUnique({ where: { name }, select: { scheme: true, headerName: true, secret: true } });
  const secret = row ? openSecret(row.secret, name) : null;
  if (!row || secret === null) return null;
  return row.scheme === "header" && row.headerName ? { name: row.headerName, value: secret } : { name: "Authorization", value: `Bearer ${secret}` };
}
