/**
 * The command-line tools (app/cli/flows.ts, kb.ts, nlu.ts) in a child process, as a user runs
 * them, for the tests of what they print and exit with.
 *
 * `runCliProcess` starts `tsx app/cli/<tool>.ts` per command: the whole entry point, argv to
 * exit code. Each start costs 1.5–3 s of CPU (Node, tsx and the tool's modules) before the first
 * argument is read, so a file with twenty commands spent most of its time starting processes.
 * `startCliHost` starts one child per test file that loads the tools once and runs each command
 * through the function the entry point calls (cli-host-child.ts), with the command's stdout and
 * stderr captured and its return value as the exit code. Each file still runs its tool once
 * through `runCliProcess`, so the entry point's own lines stay covered; commands whose point is
 * a fresh process (state kept in the process between runs) use it too.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { CommandReply } from "./cli-host-child";

export type CliName = "flows" | "kb" | "nlu";
export type CliRun = { code: number | null; stdout: string; stderr: string };

const repoRoot = path.resolve(__dirname, "../..");

/** One command in its own process: `tsx app/cli/<cli>.ts ...args`, as `npm run -s <cli> -- ...args` runs it. */
export function runCliProcess(cli: CliName, args: string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const run = spawnSync(path.join(repoRoot, "node_modules/.bin/tsx"), [path.join(repoRoot, `app/cli/${cli}.ts`), ...args], { cwd: repoRoot, env, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export type CliHost = {
  /** Runs one command (after those sent before it) and resolves with its exit code and output. */
  run(cli: CliName, args: string[]): Promise<CliRun>;
  close(): Promise<void>;
};

export function startCliHost(env: NodeJS.ProcessEnv = process.env): CliHost {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "tests/support/cli-host-child.ts")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  // Written outside any command (a crash at start-up): said when the host dies.
  let outside = "";
  child.stdout?.on("data", (chunk: Buffer) => (outside += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (outside += chunk.toString()));
  const waiting = new Map<number, { resolve: (run: CliRun) => void; reject: (error: Error) => void }>();
  child.on("message", ({ id, code, stdout, stderr }: CommandReply) => {
    waiting.get(id)?.resolve({ code, stdout, stderr });
    waiting.delete(id);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    for (const { reject } of waiting.values()) reject(new Error(`the CLI host exited (${signal ?? code}) during a command:\n${outside}`));
    waiting.clear();
  });
  let nextId = 1;
  return {
    run(cli, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, cli, argv: args });
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) stopChild(child);
      await exited;
    },
  };
}

function stopChild(child: ChildProcess): void {
  if (child.connected) child.disconnect();
  else child.kill();
}
