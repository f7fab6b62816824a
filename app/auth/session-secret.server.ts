/**
 * The secret that signs session cookies: SESSION_SECRET when set, else a random secret generated
 * once and kept in `<data folder>/session-secret` (mode 600), so sessions survive restarts without
 * any set-up. Several instances behind a load balancer must share SESSION_SECRET.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { dataDirectory } from "~/utils/database-url";

export function sessionSecretFile(): string {
  return path.join(dataDirectory(), "session-secret");
}

let cached: string | undefined;

export function getSessionSecret(): string {
  if (cached) return cached;
  const fromEnv = getEnv().SESSION_SECRET;
  cached = fromEnv ?? readOrCreateSecretFile(sessionSecretFile());
  return cached;
}

function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write a private temp file, then hard-link it into place: the link fails if another process
  // won the race, and nobody ever reads a half-written secret.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`The session secret in ${file} is empty: delete the file or set SESSION_SECRET.`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
