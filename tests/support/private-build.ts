/**
 * The browser tests' private copy of the production build, made ONCE per run by the e2e global
 * setup (tests/setup/e2e-global.ts) and served by every app of the run: other engineers'
 * `remix build` empties public/build and rewrites build/index.js, which would break a running
 * browser test. The copy is laid out as the repository is (build/index.js, public/), and the apps
 * run with it as their working folder: the server serves public/ from there.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { buildSync } from "esbuild";
import { repoRoot } from "../setup/migrate";

/** The server bundle inside a copy made by copyBuild. */
export const SERVER_BUNDLE = "build/index.js";

/** The app's server compiled to JavaScript, beside the server bundle it serves (compileServerEntry). */
export const SERVER_ENTRY = "serve.js";

/**
 * Compiles the app's server (app/cli/serve.ts and the app modules it imports; packages stay
 * requires) to `<dir>/serve.js`, for the tests to run with plain node. Under `--import tsx`, as
 * `npm start` runs it, tsx's require hooks also handle every module the server bundle loads:
 * 1.4 s of the ~6 s of CPU a server spends starting, ~57 starts per run. The same source either way.
 */
export function compileServerEntry(dir: string): void {
  buildSync({
    entryPoints: [path.join(repoRoot, "app/cli/serve.ts")],
    outfile: path.join(dir, SERVER_ENTRY),
    bundle: true,
    packages: "external",
    // tsconfig's paths: "~/…" is app/ (an alias, or "external" would leave it a package name).
    alias: { "~": path.join(repoRoot, "app") },
    platform: "node",
    format: "cjs",
    target: `node${process.versions.node}`,
    logLevel: "error",
  });
}

/** Copies the current build to `dir`, rebuilding when the copy caught someone else's build half-way. */
export function copyBuild(dir: string): void {
  for (let attempt = 1; ; attempt += 1) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, "build"), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, SERVER_BUNDLE), path.join(dir, SERVER_BUNDLE));
    fs.cpSync(path.join(repoRoot, "public"), path.join(dir, "public"), { recursive: true });
    if (buildIsComplete(dir)) return compileServerEntry(path.dirname(path.join(dir, SERVER_BUNDLE)));
    // Someone rebuilt at the same moment (or in test mode): build again ourselves and copy that.
    if (attempt >= 3) throw new Error("could not copy a complete build (is `remix build` failing?)");
    buildForProduction();
  }
}

/**
 * `remix build` as customers get it. NODE_ENV must be production (vitest sets "test"): a
 * test-mode build calls jsxDEV, which React's production runtime does not have.
 */
export function buildForProduction(): void {
  execFileSync(path.join(repoRoot, "node_modules/.bin/remix"), ["build"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}

/** A production-mode server bundle that parses, and every browser asset it names was copied beside it. */
function buildIsComplete(dir: string): boolean {
  const server = fs.readFileSync(path.join(dir, SERVER_BUNDLE), "utf8");
  if (!/\bmode = "production"/.test(server)) return false;
  try {
    new vm.Script(server);
  } catch {
    return false;
  }
  const assets = [...new Set(server.match(/\/build\/[\w./-]+\.(?:js|css)/g) ?? [])];
  return assets.length > 0 && assets.every((asset) => fs.existsSync(path.join(dir, "public", asset)));
}
