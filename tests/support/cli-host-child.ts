/**
 * The child side of tests/support/cli-host.ts, run as `node --import tsx` with an IPC channel:
 * loads the command-line tools once, then runs each command it is sent, one at a time, through
 * the function the tool's own entry point calls, and replies with the exit code and what the
 * command wrote to stdout and stderr.
 */
import type { CliName } from "./cli-host";

type Command = { id: number; cli: CliName; argv: string[] };
export type CommandReply = { id: number; code: number; stdout: string; stderr: string };

const ENTRY_POINTS: Record<CliName, () => Promise<(argv: string[]) => Promise<number>>> = {
  flows: async () => (await import("~/cli/flows")).main,
  kb: async () => (await import("~/cli/kb")).runKbCli,
  nlu: async () => (await import("~/cli/nlu")).runNluCli,
};

/** Everything written to `stream` until `stop` is called (console.* writes through it). */
function record(stream: NodeJS.WriteStream): { stop: () => string } {
  const write = stream.write;
  let text = "";
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const callback = rest.find((arg): arg is () => void => typeof arg === "function");
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof stream.write;
  return {
    stop: () => {
      stream.write = write;
      return text;
    },
  };
}

async function runCommand({ id, cli, argv }: Command): Promise<CommandReply> {
  const stdout = record(process.stdout);
  const stderr = record(process.stderr);
  let code: number;
  try {
    code = await (await ENTRY_POINTS[cli]())(argv);
  } catch (error) {
    // What the tool's entry point does with a rejection: Node prints it and exits 1.
    console.error(error);
    code = 1;
  }
  return { id, code, stdout: stdout.stop(), stderr: stderr.stop() };
}

let queue = Promise.resolve();
process.on("message", (command: Command) => {
  queue = queue.then(async () => {
    process.send?.(await runCommand(command));
  });
});
// The tools leave the database client and the encoder's worker for the process exit to end.
process.on("disconnect", () => process.exit(0));
