import { execFileSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./migrate";

// e2e tests run the production build, as customers get it: build once per run. NODE_ENV must be
// production here (vitest sets "test"): a test-mode build calls jsxDEV, which React's production
// runtime — what remix-serve loads — does not have.
export default function setup() {
  execFileSync(path.join(repoRoot, "node_modules/.bin/remix"), ["build"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}
