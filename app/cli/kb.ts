/**
 * `npm run kb -- <command>`. `eval` measures knowledge retrieval (app/engines/eval/kb-eval.ts).
 * `import` (Markdown articles into the knowledge base) is added by the KB command's owner.
 */
import { runKbEvalCli } from "~/engines/eval/kb-eval";

const USAGE = "usage: npm run -s kb -- eval --articles FILE --questions FILE";

export async function runKbCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "eval") return runKbEvalCli(rest);
  console.error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  return 1;
}

if (require.main === module) {
  runKbCli(process.argv.slice(2)).then((code) => process.exit(code));
}
