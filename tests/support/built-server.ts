/**
 * Runs the PRODUCTION build (build/index.js under the app's server, app/cli/serve.ts) as a child
 * process, the way customers get it: used by the crash test, the e2e harness and the benchmarks. The build is copied to a private
 * folder so engineers rebuilding build/ at the same time cannot swap it mid-run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import vm from "node:vm";
import { READY_LINE, SERVER_V8_FLAGS } from "~/cli/server-process";
import { buildForProduction, compileServerEntry, SERVER_ENTRY } from "./private-build";

export const repoRoot = path.resolve(__dirname, "../..");

/**
 * Builds and copies build/index.js to `<dir>/index.js`, with the compiled server beside it
 * (compileServerEntry); returns the bundle's path. Test files run in
 * parallel (and e2e builds too), so the copy is checked to be complete JavaScript and the build
 * is redone if another build was half-way through writing it.
 */
export function buildServer(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, "index.js");
  for (let attempt = 1; ; attempt += 1) {
    buildForProduction();
    fs.copyFileSync(path.join(repoRoot, "build/index.js"), target);
    try {
      new vm.Script(fs.readFileSync(target, "utf8"), { filename: target });
    } catch (error) {
      if (attempt >= 3) throw error;
      continue;
    }
    compileServerEntry(dir);
    return target;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The node arguments that serve `buildFile` with the app's own server, compiled beside it (the same flags as `npm start`). */
export function serverArgs(buildFile: string): string[] {
  return [...SERVER_V8_FLAGS, path.join(path.dirname(buildFile), SERVER_ENTRY), buildFile];
}

export type RunningServer = { url: string; port: number; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> };

export async function startServer(options: { buildFile: string; databaseUrl: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] }): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serverArgs(options.buildFile)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: options.databaseUrl, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Keep only the tail of the log so a long benchmark does not hoard it.
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (output.includes(READY_LINE)) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
