/**
 * `npm run flows -- <command>` for people who keep flows in git.
 *   validate <file-or-dir>            every error with file, node id and field; exit 1 if any
 *   import [--publish] <file-or-dir>  validates ALL files first, then writes them in one
 *                                     transaction (draft; --publish also publishes a version
 *                                     unless that exact document is already published)
 *   export [slug] [--out <dir>]       writes <dir>/<slug>.json (default dir flows/) for one
 *                                     flow or all, in stable key order, from the draft
 * Nothing is half-imported: one invalid file means nothing is written.
 */
import fs from "node:fs";
import path from "node:path";
import { stringifyFlowDocument, parseFlowDocument, type FlowDocument } from "~/flow";
import { db } from "~/utils/db.server";
import { listTeamSlugs, saveFlowDraft, validateFlow, writePublishedVersion, type FlowProblem } from "~/runtime/flow-versions.server";

type Loaded = { file: string; document?: FlowDocument; problems: FlowProblem[] };

const USAGE = "usage: npm run flows -- validate <file-or-dir> | import [--publish] <file-or-dir> | export [slug] [--out <dir>]";

export function listFlowFiles(target: string): string[] {
  const resolved = path.resolve(target);
  if (!fs.existsSync(resolved)) throw new UsageError(`${target}: no such file or directory`);
  if (fs.statSync(resolved).isDirectory()) {
    return fs
      .readdirSync(resolved)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => path.join(resolved, name));
  }
  return [resolved];
}

export function loadFlowFiles(files: string[], teams: string[] | undefined): Loaded[] {
  const loaded = files.map((file): Loaded => {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      return { file, problems: [{ severity: "error", code: "invalid-json", message: `not valid JSON: ${(error as Error).message}` }] };
    }
    const validated = validateFlow(json, teams);
    return validated.ok ? { file, document: validated.document, problems: validated.warnings } : { file, problems: validated.errors };
  });
  const seen = new Map<string, string>();
  for (const entry of loaded) {
    if (!entry.document) continue;
    const other = seen.get(entry.document.slug);
    if (other) {
      entry.problems.push({ severity: "error", code: "duplicate-slug", field: "slug", message: `slug "${entry.document.slug}" is also used by ${path.relative(process.cwd(), other)}` });
      entry.document = undefined;
    } else seen.set(entry.document.slug, entry.file);
  }
  return loaded;
}

export function formatProblem(file: string, problem: FlowProblem): string {
  const where = [problem.nodeId ? `node ${problem.nodeId}` : null, problem.field ? `field ${problem.field}` : null, !problem.nodeId && !problem.field && problem.path ? problem.path : null]
    .filter(Boolean)
    .join(", ");
  return `${path.relative(process.cwd(), file)}: ${problem.severity}${where ? ` [${where}]` : ""}: ${problem.message}`;
}

function report(loaded: Loaded[]): boolean {
  let valid = true;
  for (const entry of loaded) {
    for (const problem of entry.problems) (problem.severity === "error" ? console.error : console.warn)(formatProblem(entry.file, problem));
    if (!entry.document) valid = false;
  }
  return valid;
}

async function knownTeams(): Promise<string[] | undefined> {
  try {
    return await listTeamSlugs();
  } catch {
    console.warn("note: the database is not reachable, so team names are not checked");
    return undefined;
  }
}

async function validateCommand(target: string): Promise<number> {
  const loaded = loadFlowFiles(listFlowFiles(target), await knownTeams());
  const valid = report(loaded);
  const okCount = loaded.filter((entry) => entry.document).length;
  console.log(`${okCount} of ${loaded.length} flow file(s) valid`);
  return valid ? 0 : 1;
}

async function importCommand(target: string, publish: boolean): Promise<number> {
  const loaded = loadFlowFiles(listFlowFiles(target), await listTeamSlugs());
  if (!report(loaded)) {
    console.error("nothing imported: fix the errors above first");
    return 1;
  }
  const documents = loaded.flatMap((entry) => entry.document ?? []);
  const lines = await db.$transaction(async (tx) => {
    const done: string[] = [];
    for (const document of documents) {
      if (!publish) {
        await saveFlowDraft(tx, document);
        done.push(`${document.slug}: draft saved`);
        continue;
      }
      const version = await writePublishedVersion(tx, document, { skipIfPublished: true });
      done.push(`${document.slug}: ${version.created ? `published version ${version.number}` : `unchanged (version ${version.number})`}`);
    }
    return done;
  });
  for (const line of lines) console.log(line);
  return 0;
}

async function exportCommand(slug: string | undefined, outDir: string): Promise<number> {
  const flows = await db.flow.findMany({ where: slug ? { slug } : { archivedAt: null }, select: { slug: true, draft: true }, orderBy: { slug: "asc" } });
  if (slug && flows.length === 0) {
    console.error(`no flow with slug "${slug}"`);
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const flow of flows) {
    const parsed = parseFlowDocument(JSON.parse(flow.draft));
    if (!parsed.ok) {
      failed += 1;
      console.error(`${flow.slug}: the draft is not a valid document (${parsed.errors[0]?.message}); not exported`);
      continue;
    }
    const file = path.join(outDir, `${flow.slug}.json`);
    fs.writeFileSync(file, stringifyFlowDocument(parsed.document));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  return failed === 0 ? 0 : 1;
}

class UsageError extends Error {}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
  const outIndex = rest.indexOf("--out");
  const outDir = outIndex >= 0 ? rest[outIndex + 1] : "flows";
  const positional = rest.filter((arg, index) => !arg.startsWith("--") && !(outIndex >= 0 && index === outIndex + 1));
  try {
    if (command === "validate" && positional.length === 1) return await validateCommand(positional[0]);
    if (command === "import" && positional.length === 1) return await importCommand(positional[0], flags.has("--publish"));
    if (command === "export" && positional.length <= 1 && outDir) return await exportCommand(positional[0], path.resolve(outDir));
    console.error(USAGE);
    return 1;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
