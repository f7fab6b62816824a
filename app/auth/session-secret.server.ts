/**
 * The secret that signs session cookies: SESSION_SECRET when set, else a random secret generated
 * once and kept in `<data folder>/session-secret` (mode 600), so sessions survive restarts without
 * any set-up. Several instances behind a load balancer must share SESSION_SECRET.
 */
import path from "node:path";
import { getEnv } from "~/utils/env.server";
import { dataDirectory } from "~/utils/database-url.server";
import { readOrCreateSecretFile } from "~/utils/secret-file.server";

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
