/**
 * A random secret generated once into a file of the data folder (mode 600) when the operator
 * set none in the environment, so a fresh install works without set-up and keeps working
 * after restarts. Safe when several processes start at once: only one file ever wins.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A private temp file hard-linked into place: the link fails if another process won the
  // race, and nobody ever reads a half-written secret.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`The secret in ${file} is empty: delete the file to generate a new one.`);
  return secret;
}

function readSecretFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
