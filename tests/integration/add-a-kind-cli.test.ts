/**
 * The registry's promise, proved on a copy of the app: adding a kind is one folder plus one
 * line in app/nodes/kind-list.ts. The test copies app/ to a temporary directory, copies the
 * "message" kind into a new folder "notice" (changing nothing but its label, description and
 * palette position), adds the one line, and then runs what a developer would: the typecheck,
 * the registry unit tests (which run every kind's example, the new one included) and a flow
 * that uses the new kind, compiled and run by the flow engine. Nothing else is edited: the
 * builder, the inbox, analytics, the demo history and the CSS reach the kind through the registry.
 * (A kind copied from one with behaviours must also rename its behaviour names: they are
 * registered globally, and a duplicate name fails at start-up with a message naming it.)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, tmpDir } from "../setup/migrate";

// The same folder every run, so the typecheck can be incremental: tsc keeps what it found per
// file (by the file's content hash) in the build info beside the copy, and checks again only
// the files whose text, or whose dependencies' types, changed since the last run. Its verdict is
// the full check's; the first run on a machine pays for the whole check.
const copy = path.join(tmpDir, "add-a-kind");
const typecheckBuildInfo = path.join(tmpDir, "add-a-kind.tsbuildinfo");
const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);
const TESTS = ["tests/unit/flow/helpers.ts", "tests/unit/flow/registry.test.ts", "tests/unit/flow/registry-examples.test.ts", "tests/support/fake-engines.ts", "tests/setup/fail-on-console-error.ts", "tests/setup/install-re2.ts"];

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: copy, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "", NO_COLOR: "1", FORCE_COLOR: "0" } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function edit(file: string, change: (text: string) => string) {
  const target = path.join(copy, file);
  const before = fs.readFileSync(target, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(target, after);
}

beforeAll(() => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(path.join(repoRoot, "app"), path.join(copy, "app"), { recursive: true });
  for (const file of TESTS) fs.cpSync(path.join(repoRoot, file), path.join(copy, file), { recursive: true });
  // Read, never written: the dependencies, and the benchmark helpers one command-line tool imports.
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"));
  fs.symlinkSync(path.join(repoRoot, "bench"), path.join(copy, "bench"));
  const tsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, "tsconfig.json"), "utf8"));
  fs.writeFileSync(path.join(copy, "tsconfig.json"), JSON.stringify({ ...tsconfig, include: ["app/**/*.ts", "app/**/*.tsx", "tests/**/*.ts", "bench/**/*.d.ts"] }));
  fs.writeFileSync(
    path.join(copy, "vitest.config.mts"),
    `import path from "node:path";
import { defineConfig } from "vitest/config";
const root = import.meta.dirname;
export default defineConfig({ root, resolve: { alias: { "~": path.join(root, "app") } }, test: { root, environment: "node", setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/install-re2.ts"] } });
`,
  );

  // The whole change: a copied folder (its label, description and place in the palette) and one line.
  fs.cpSync(path.join(copy, "app/nodes/message"), path.join(copy, "app/nodes/notice"), { recursive: true });
  edit("app/nodes/notice/index.ts", (text) =>
    text.replace('label: "Send a message"', 'label: "Post a notice"').replace(/description: "[^"]*"/, 'description: "Posts a short notice to the customer, like opening hours or a delay."').replace(/paletteOrder: \d+/, "paletteOrder: 25"),
  );
  fs.appendFileSync(path.join(copy, "app/nodes/kind-list.ts"), 'export { kind as notice } from "./notice";\n');
});

afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

// The typecheck of the whole app dominates the first run: a minute or two on a busy machine.
describe("adding a kind: one folder and one line", { timeout: 600_000 }, () => {
  it("typechecks", () => {
    const { code, output } = run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", typecheckBuildInfo]);
    expect(output).toBe("");
    expect(code).toBe(0);
  });

  it("passes the registry unit tests, the new kind's example included", () => {
    const { code, output } = run(bin("vitest"), ["run", "--reporter=verbose", "--config", "vitest.config.mts", "tests/unit/flow/registry.test.ts", "tests/unit/flow/registry-examples.test.ts"]);
    expect(output).toContain("notice: compiles without errors and a scripted customer gets through it");
    expect(output).toMatch(/Tests\s+21 passed/);
    expect(output).not.toMatch(/\bfailed\b/i);
    expect(code).toBe(0);
  });

  it("compiles and runs a flow that uses it", () => {
    const script = `import { compileFlow, NODE_KINDS, parseFlowDocument, startConversation } from "~/flow";
import { createFakeEngines } from "../tests/support/fake-engines";
const settings = { defaultTeam: "support", humanRequest: { team: "support" }, repeatedFailure: { team: "support" }, sensitive: { team: "support" } };
const nodes = [
  { id: "s", kind: "start", position: { x: 0, y: 0 }, data: { greeting: "Hi!" } },
  { id: "n", kind: "notice", position: { x: 240, y: 0 }, data: { text: "We are closed on Sunday." } },
  { id: "e", kind: "end", position: { x: 480, y: 0 }, data: { text: "Bye!" } },
];
const edges = [{ id: "e1", source: "s", sourceHandle: "next", target: "n" }, { id: "e2", source: "n", sourceHandle: "next", target: "e" }];
const parsed = parseFlowDocument({ schemaVersion: 1, name: "Notice", slug: "notice", settings, nodes, edges });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const { machine, diagnostics } = compileFlow(parsed.document, { teams: ["support"] });
const result = await startConversation(machine, createFakeEngines());
console.log(JSON.stringify({ kinds: NODE_KINDS, diagnostics, status: result.status, said: result.messages.map((message) => message.text), entered: result.events.filter((event) => event.type === "node.entered").map((event) => event.payload.kind) }));
`;
    fs.mkdirSync(path.join(copy, "scripts"));
    fs.writeFileSync(path.join(copy, "scripts/run-notice.mts"), script.replaceAll("~/flow", "../app/flow/index.ts"));
    const { code, output } = run(bin("tsx"), ["--tsconfig", "tsconfig.json", "scripts/run-notice.mts"]);
    expect(code).toBe(0);
    const report = JSON.parse(output.trim().split("\n").at(-1) ?? "null");
    expect(report.kinds.slice(0, 3)).toEqual(["start", "message", "notice"]);
    expect(report.diagnostics).toEqual([]);
    expect(report).toMatchObject({ status: "ended", said: ["Hi!", "We are closed on Sunday.", "Bye!", "How would you rate this conversation?"], entered: ["start", "notice", "end"] });
  });
});
