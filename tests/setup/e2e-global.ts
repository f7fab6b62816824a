import { execFileSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./migrate";

// e2e tests run the production build, as customers get it: build once per run.
export default function setup() {
  execFileSync(path.join(repoRoot, "node_modules/.bin/remix"), ["build"], { cwd: repoRoot, stdio: "pipe" });
}
