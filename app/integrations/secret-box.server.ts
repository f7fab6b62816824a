/**
 * Encryption at rest for workspace credentials: AES-256-GCM with a key from
 * BATON_CREDENTIALS_KEY (any string of 32+ characters; its SHA-256 is the key), or a random key
 * generated once into `<data folder>/credentials-key`. The credential's name is bound as
 * associated data, so a ciphertext copied onto another credential's row does not decrypt.
 * Losing the key means re-entering the secrets; several instances must share the variable.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { dataDirectory } from "~/utils/database-url.server";
import { readOrCreateSecretFile } from "~/utils/secret-file.server";

const KeySchema = z.string().min(32, "BATON_CREDENTIALS_KEY must be at least 32 characters").optional();

export function credentialsKeyFile(): string {
  return path.join(dataDirectory(), "credentials-key");
}

let cachedKey: Buffer | undefined;

function getKey(): Buffer {
  if (cachedKey) return cachedKey;
  const parsed = KeySchema.safeParse(process.env.BATON_CREDENTIALS_KEY || undefined);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "BATON_CREDENTIALS_KEY is invalid");
  const material = parsed.data ?? readOrCreateSecretFile(credentialsKeyFile());
  cachedKey = createHash("sha256").update(material).digest();
  return cachedKey;
}

const VERSION = "v1";

export function sealSecret(plain: string, name: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", getKey(), iv);
  cipher.setAAD(Buffer.from(name));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

/** Null when the value was sealed with another key or for another name (never throws). */
export function openSecret(sealed: string, name: string): string | null {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", getKey(), Buffer.from(iv, "base64"));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
