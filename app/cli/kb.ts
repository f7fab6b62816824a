/**
 * `npm run kb -- <command>`:
 *   import <dir-or-csv>   Markdown files with front matter (title, tags, status; the file name is
 *                         the slug) or a CSV (title, body, tags[, status]). Validates everything
 *                         first; any problem → every problem printed as file:line, exit 1, nothing
 *                         imported. Re-importing a slug updates that article.
 *   index                 reads every published article for its meaning now and stores the sentence
 *                         vectors, as a starting server does in the background: after a large import,
 *                         or before opening a new instance to customers, its first questions are then
 *                         ranked by meaning instead of on words alone.
 *   eval --articles FILE --questions FILE   retrieval quality (app/engines/eval/kb-eval.ts)
 * Uses DATABASE_URL (default ./data/baton.db) and never migrates: run `npm run prisma:migrate` first.
 */
import path from "node:path";

const USAGE = [
  "usage: npm run -s kb -- import <dir-of-md-files | file.md | file.csv>",
  "       npm run -s kb -- index",
  "       npm run -s kb -- eval --articles FILE --questions FILE",
].join("\n");

async function runImport(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(USAGE);
    return 1;
  }
  // Loaded lazily so `eval` never opens the database.
  const { formatProblem, importArticles } = await import("~/kb/import.server");
  const { db } = await import("~/utils/db.server");
  try {
    const result = await importArticles(path.resolve(args[0]), db);
    if (!result.ok) {
      for (const problem of result.problems) console.error(formatProblem(problem));
      console.error(`${result.problems.length} problem(s); nothing imported`);
      return 1;
    }
    for (const slug of result.created) console.log(`created ${slug}`);
    for (const slug of result.updated) console.log(`updated ${slug}`);
    console.log(`imported ${result.created.length + result.updated.length} article(s): ${result.created.length} created, ${result.updated.length} updated`);
    return 0;
  } catch (error) {
    console.error(`import failed, nothing imported: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

async function runIndex(args: string[]): Promise<number> {
  if (args.length !== 0) {
    console.error(USAGE);
    return 1;
  }
  const { indexKnowledgeBaseNow } = await import("~/engines/knowledge-store.server");
  const { closeSentenceVectorStore } = await import("~/engines/sentence-vector-store.server");
  const { db } = await import("~/utils/db.server");
  try {
    const articles = await indexKnowledgeBaseNow();
    console.log(`read ${articles} published article(s) for their meaning; their vectors are stored`);
    return 0;
  } catch (error) {
    console.error(`index failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeSentenceVectorStore();
    await db.$disconnect();
  }
}

export async function runKbCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "import") return runImport(rest);
  if (command === "index") return runIndex(rest);
  if (command === "eval") {
    const { runKbEvalCli } = await import("~/engines/eval/kb-eval");
    return runKbEvalCli(rest);
  }
  console.error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  return 1;
}

if (require.main === module) {
  runKbCli(process.argv.slice(2)).then((code) => process.exit(code));
}
