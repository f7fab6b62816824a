/**
 * The production server bundle, built ONCE per test run and shared by every integration test file
 * that serves it: five files on two databases each ran `remix build` themselves (~4 s of CPU each).
 * The first file to ask builds it; a file asking meanwhile waits for that build. The folder comes
 * from the project's global setup (`serverBuildDir`), which removes it at the end of the run.
 */
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { buildServer } from "./built-server";

const WAIT_FOR_BUILD_MS = 5 * 60_000;

/** The path of the shared build's server bundle (index.js). Do not delete it: other files use it. */
export async function sharedServerBuild(): Promise<string> {
  const dir = inject("serverBuildDir");
  const built = path.join(dir, "built");
  const failed = path.join(dir, "failed");
  if (claim(`${dir}.claim`)) {
    try {
      const bundle = buildServer(dir);
      fs.writeFileSync(built, bundle);
      return bundle;
    } catch (error) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(failed, String(error));
      throw error;
    }
  }
  const deadline = Date.now() + WAIT_FOR_BUILD_MS;
  for (;;) {
    if (fs.existsSync(built)) return fs.readFileSync(built, "utf8");
    if (fs.existsSync(failed)) throw new Error(`the shared server build failed:\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() > deadline) throw new Error(`the shared server build (${dir}) did not finish within ${WAIT_FOR_BUILD_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** True for the one caller that created `marker` (mkdir is atomic across processes). */
function claim(marker: string): boolean {
  try {
    fs.mkdirSync(marker);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** For the global setups: where this run's shared build goes, and how to remove it afterwards. */
export function serverBuildDirFor(tmpDir: string, runId: number): { dir: string; remove: () => void } {
  const dir = path.join(tmpDir, `server-build-run-${runId}`);
  return {
    dir,
    remove: () => {
      for (const leftover of [dir, `${dir}.claim`]) fs.rmSync(leftover, { recursive: true, force: true });
    },
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    serverBuildDir: string;
  }
}
