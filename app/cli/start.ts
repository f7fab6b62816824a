/**
 * `npm start`: the whole product on one command. Checks the environment, applies the migrations
 * to the embedded database (./data/baton.db, or DATABASE_URL), turns on SQLite's WAL journal,
 * seeds the demo workspace (idempotent: only what is missing) — on PostgreSQL, under an advisory
 * lock and only into an empty database, since several instances may start at once — builds the app when no build
 * exists, then serves the production build with the app's server (app/cli/serve.ts) on PORT
 * (3000) until stopped.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getSessionSecret } from "~/auth/session-secret.server";
import { READY_LINE, SERVER_NODE_ARGS } from "./server-process";
import { getEnv } from "~/utils/env.server";
import { databaseKindOf, resolveDatabaseUrl } from "~/utils/database-url.server";
import { prepareDatabase, reportSeed, run, step } from "./prepare-database";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

async function main() {
  process.chdir(root);
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const databaseUrl = resolveDatabaseUrl();
  reportSeed(await prepareDatabase(databaseUrl));
  if (databaseKindOf(databaseUrl) === "postgresql" && !process.env.SESSION_SECRET) {
    console.warn("  SESSION_SECRET is not set: this instance signs sessions with its own secret, so a person signed in on another instance is not signed in here. Give every instance the same SESSION_SECRET.");
  }

  getSessionSecret(); // generate the secret file now, before requests race for it
  const stale = buildIsStale();
  if (stale) {
    step(stale === "missing" ? "Building the app (first start)" : "Building the app (the code changed since the last build)");
    run(bin("remix"), ["build"]);
  }

  step("Starting the server");
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, path.join(root, "app/cli/serve.ts"), "build/index.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production", PORT: String(env.PORT), DATABASE_URL: databaseUrl },
    stdio: ["inherit", "pipe", "inherit"],
  });
  let announced = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && chunk.toString().includes(READY_LINE)) {
      announced = true;
      announce(env.PORT, Boolean(env.SEED_PASSWORD));
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** "missing" without a build; "stale" when a source file is newer than it (e.g. after a git pull). */
function buildIsStale(): "missing" | "stale" | null {
  const built = path.join(root, "build/index.js");
  if (!fs.existsSync(built)) return "missing";
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (file: string): boolean => {
    const stat = fs.statSync(file);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return fs.readdirSync(file).some((name) => name !== "generated" && newer(path.join(file, name)));
  };
  return ["app", "remix.config.js", "package.json"].some((name) => newer(path.join(root, name))) ? "stale" : null;
}

function announce(port: number, customPassword: boolean) {
  const password = customPassword ? "the value of SEED_PASSWORD" : "baton-demo";
  console.log(
    [
      "",
      `  Baton is running at http://localhost:${port}`,
      "",
      "  Sign in with the demo workspace:",
      "    admin  admin@baton.local",
      "    agent  ana@baton.local  (team Support)",
      "    agent  ben@baton.local  (team Billing)",
      `    password: ${password}`,
      "",
      "  Press Ctrl+C to stop.",
      "",
    ].join("\n")
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
