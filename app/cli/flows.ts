/**
 * `npm run flows -- <command>` for people who keep flows in git.
 *   validate <file-or-dir>             every problem with file, node id and field; exit 1 on any error
 *   import [--publish] [--replace] <file-or-dir>   validates ALL files first, then writes them
 *                                      in one transaction (draft; --publish also publishes a version
 *                                      unless that exact document is already published); a file
 *                                      that would replace an existing flow's different draft is
 *                                      refused without --replace (draft-overwrites.ts)
 *   export [--publish] <file-or-dir>   a directory: every flow as <dir>/<slug>.json; a .json
 *                                      file: that flow (the slug in the file, else its name)
 *   export [--publish] [slug] [--out <dir>]   one flow or all into <dir> (default flows/)
 * Export writes the draft in stable key order; with --publish, the latest published version.
 * Nothing is half-imported: one invalid file means nothing is written. A file that does not
 * parse still gets every problem that can be found in it (JSON syntax errors with line and
 * column; for a document that breaks the schema, also the checks of the parts that parse).
 */
import fs from "node:fs";
import path from "node:path";
import { checkFlowJsonBytes, stringifyFlowDocument, parseFlowDocument, utf8Bytes, type FlowDocument } from "~/flow";
import { db } from "~/utils/db.server";
import { describeDraftOverwrite, findDraftOverwrites } from "./draft-overwrites";
import { listTeamSlugs, saveFlowDraft, validateFlow, writePublishedVersion, type FlowProblem } from "~/runtime/flow-versions.server";

type Loaded = { file: string; document?: FlowDocument; problems: FlowProblem[] };

const USAGE =
  "usage: npm run flows -- validate <file-or-dir> | import [--publish] [--replace] <file-or-dir> | export [--publish] <file-or-dir> | export [--publish] [slug] [--out <dir>]";

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
    const text = fs.readFileSync(file, "utf8");
    const tooBig = checkFlowJsonBytes(utf8Bytes(text));
    if (tooBig) return { file, problems: [{ severity: "error", code: "too-big", message: tooBig.message }] };
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { file, problems: [{ severity: "error", code: "invalid-json", message: `not valid JSON: ${describeJsonError(text, error)}` }] };
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

/** JSON.parse's message with the line and column of the position it names. */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} (line ${line}, column ${column})`;
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

async function importCommand(target: string, options: { publish: boolean; replace: boolean }): Promise<number> {
  const { publish } = options;
  const loaded = loadFlowFiles(listFlowFiles(target), await listTeamSlugs());
  if (!report(loaded)) {
    console.error("nothing imported: fix the errors above first");
    return 1;
  }
  const documents = loaded.flatMap((entry) => entry.document ?? []);
  const overwrites = options.replace ? [] : await findDraftOverwrites(documents, publish);
  if (overwrites.length > 0) {
    for (const overwrite of overwrites) console.error(describeDraftOverwrite(overwrite));
    console.error("nothing imported: pass --replace to replace those drafts, or give the files new slugs to import them as new flows");
    return 1;
  }
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

type ExportTarget = { kind: "all"; dir: string } | { kind: "slug"; slug: string; dir: string } | { kind: "file"; file: string };

/** `export` argument: a .json file, a directory (existing, or written with a slash), or a slug. */
export function resolveExportTarget(target: string | undefined, outDir: string): ExportTarget {
  if (target === undefined) return { kind: "all", dir: path.resolve(outDir) };
  if (target.endsWith(".json")) return { kind: "file", file: path.resolve(target) };
  const looksLikePath = target.includes("/") || target.includes(path.sep) || target === "." || target === "..";
  if (looksLikePath || (fs.existsSync(target) && fs.statSync(target).isDirectory())) return { kind: "all", dir: path.resolve(target) };
  return { kind: "slug", slug: target, dir: path.resolve(outDir) };
}

/** The flow a file stands for: the slug written in it when it is a readable flow, else its name. */
function slugForFile(file: string): string {
  try {
    const slug = (JSON.parse(fs.readFileSync(file, "utf8")) as { slug?: unknown }).slug;
    if (typeof slug === "string" && slug) return slug;
  } catch {
    // a new file, or one that is not a flow: its name says which flow
  }
  return path.basename(file, ".json");
}

async function exportCommand(target: ExportTarget, published: boolean): Promise<number> {
  const slug = target.kind === "slug" ? target.slug : target.kind === "file" ? slugForFile(target.file) : undefined;
  const flows = await db.flow.findMany({
    where: slug ? { slug } : { archivedAt: null },
    select: { slug: true, draft: true, versions: { where: { number: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { document: true, number: true } } },
    orderBy: { slug: "asc" },
  });
  if (slug && flows.length === 0) {
    console.error(`no flow with slug "${slug}"`);
    return 1;
  }
  let failed = 0;
  for (const flow of flows) {
    const source = published ? flow.versions[0]?.document : flow.draft;
    if (source === undefined) {
      // Exporting everything: a flow never published is simply not part of "what is published".
      if (slug) failed += 1;
      (slug ? console.error : console.warn)(`${flow.slug}: never published; not exported`);
      continue;
    }
    const parsed = parseFlowDocument(JSON.parse(source));
    if (!parsed.ok) {
      failed += 1;
      console.error(`${flow.slug}: the ${published ? "published version" : "draft"} is not a valid document (${parsed.errors[0]?.message}); not exported`);
      continue;
    }
    const file = target.kind === "file" ? target.file : path.join(target.dir, `${flow.slug}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, stringifyFlowDocument(parsed.document));
    console.log(`wrote ${path.relative(process.cwd(), file)}${published ? ` (published version ${flow.versions[0]?.number})` : ""}`);
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
    if (command === "import" && positional.length === 1) return await importCommand(positional[0], { publish: flags.has("--publish"), replace: flags.has("--replace") });
    if (command === "export" && positional.length <= 1 && outDir) return await exportCommand(resolveExportTarget(positional[0], outDir), flags.has("--publish"));
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
