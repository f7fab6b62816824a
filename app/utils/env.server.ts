/**
 * Environment variables, parsed once with zod when the server (or `npm start`) boots, so a
 * typo fails loudly at start instead of at the first sign-in. Only the variables this module
 * names are read here; feature modules that own other variables (OPENAI_*, CHAT_*) parse theirs.
 */
import { z } from "zod";
import { checkDatabaseUrl } from "./database-url.server";

const BooleanString = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATABASE_URL: z
    .string()
    .min(1)
    .superRefine((url, ctx) => {
      const problem = checkDatabaseUrl(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  BATON_DATA_DIR: z.string().min(1).optional(),
  // Signs the session cookie. Unset: a random secret is generated once under the data folder.
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  // Defaults to true in production. Set to false only to demo over plain HTTP on a network address.
  SESSION_COOKIE_SECURE: BooleanString.optional(),
  // A session ends after this long without a request, and this long after sign-in whatever happens.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(8 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SEED_PASSWORD: z.string().min(8, "SEED_PASSWORD must be at least 8 characters").optional(),
  // "off": the knowledge base ranks on words alone (no sentence-encoder worker, ~230 MB less memory).
  BATON_SEMANTIC_SEARCH: z.enum(["on", "off"]).default("on"),
  // How long a turn waits for a sentence vector before its step decides on words alone (app/engines/embedding-deadline.server.ts).
  BATON_EMBEDDING_DEADLINE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses `source` (process.env by default); throws one readable error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`SESSION_SECRET=`) means "not set", as in most shells' .env files.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid environment variables:\n${problems}`);
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed on first use, i.e. at boot). */
export function getEnv(): Env {
  return (cached ??= parseEnv());
}
