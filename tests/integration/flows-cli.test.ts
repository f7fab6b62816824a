import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishFlow } from "~/runtime/flow-versions.server";
import { db } from "~/utils/db.server";
import { readFixtureFlow, seedTeams } from "../support/chat-api";
import { runCliProcess, startCliHost, type CliHost } from "../support/cli-host";

let host: CliHost;

/**
 * Runs `npm run flows -- ...` in a child process against this file's database: the commands share
 * one process (tests/support/cli-host.ts); the first test runs the tool as its own process.
 */
const runCli = (args: string[]) => host.run("flows", args);

function tempDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-flows-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return dir;
}

function brokenFlow(): Record<string, unknown> {
  const flow = readFixtureFlow() as { slug: string; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
  flow.slug = "broken-flow";
  const ask = flow.nodes.find((node) => node.id === "ask-email") as { data: Record<string, unknown> };
  ask.data.type = "telepathy"; // not a field type
  ask.data.colour = "red"; // unknown field
  const escalate = flow.nodes.find((node) => node.id === "to-billing") as { data: Record<string, unknown> };
  escalate.data.priority = "whenever";
  return flow;
}

beforeAll(async () => {
  await seedTeams();
  host = startCliHost();
});
afterAll(() => host.close());

// Each case runs the CLI several times: a minute on a busy shared machine, so a generous timeout.
describe("npm run flows", { timeout: 180_000 }, () => {
  it("validate lists every error with file, node id and field, and exits 1 (the command as its own process)", () => {
    const dir = tempDir({ "good.json": readFixtureFlow(), "broken.json": brokenFlow(), "not-json.json": "{ nope" });
    const result = runCliProcess("flows", ["validate", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: error \[node ask-email, field type\]/);
    expect(result.stderr).toMatch(/broken\.json: error \[node ask-email, field colour\]/);
    expect(result.stderr).toMatch(/broken\.json: error \[node to-billing, field priority\]/);
    expect(result.stderr).toMatch(/not-json\.json: error: not valid JSON/);
    expect(result.stdout).toContain("1 of 3 flow file(s) valid");
  });

  it("import with one invalid file imports nothing, and exits 1", async () => {
    const good = readFixtureFlow() as { slug: string };
    const dir = tempDir({ "a.json": { ...good, slug: "cli-good" }, "b.json": brokenFlow() });
    const result = await runCli(["import", "--publish", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing imported");
    expect(await db.flow.count({ where: { slug: { in: ["cli-good", "broken-flow"] } } })).toBe(0);
    expect(await db.flowVersion.count()).toBe(0);
  });

  it("import --publish writes every file and publishes once per distinct document; export round-trips", async () => {
    const good = readFixtureFlow() as { slug: string; name: string };
    const dir = tempDir({ "a.json": { ...good, slug: "cli-one" }, "b.json": { ...good, slug: "cli-two", name: "Second" } });
    const first = await runCli(["import", "--publish", dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("cli-one: published version 1");
    const second = await runCli(["import", "--publish", dir]);
    expect(second.stdout).toContain("cli-one: unchanged (version 1)");
    expect(await db.flowVersion.count({ where: { flow: { slug: { in: ["cli-one", "cli-two"] } } } })).toBe(2);

    const out = fs.mkdtempSync(path.join(os.tmpdir(), "baton-export-"));
    const exported = await runCli(["export", "cli-one", "--out", out]);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(path.join(out, "cli-one.json"), "utf8");
    expect(JSON.parse(text)).toMatchObject({ slug: "cli-one", schemaVersion: 1 });
    // Stable key order: exporting what was exported gives the same bytes.
    const reimport = await runCli(["import", path.join(out, "cli-one.json")]);
    expect(reimport.code).toBe(0);
    await runCli(["export", "cli-one", "--out", out]);
    expect(fs.readFileSync(path.join(out, "cli-one.json"), "utf8")).toBe(text);
  });

  it("import refuses to replace a draft that differs from the file unless --replace, and writes nothing", async () => {
    const good = readFixtureFlow() as { slug: string; name: string; nodes: unknown[] };
    expect((await runCli(["import", tempDir({ "keep.json": { ...good, slug: "cli-keep", name: "Draft work" } })])).code).toBe(0);
    const before = await db.flow.findUniqueOrThrow({ where: { slug: "cli-keep" }, select: { name: true, draft: true } });
    const dir = tempDir({ "keep.json": { ...good, slug: "cli-keep", name: "From git" }, "fresh.json": { ...good, slug: "cli-fresh" } });

    const refused = await runCli(["import", dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`cli-keep: would replace the draft of "Draft work" (${good.nodes.length} steps) with this file's ${good.nodes.length} steps`);
    expect(refused.stderr).toContain("nothing imported: pass --replace");
    expect(await db.flow.findUniqueOrThrow({ where: { slug: "cli-keep" }, select: { name: true, draft: true } })).toEqual(before);
    expect(await db.flow.count({ where: { slug: "cli-fresh" } })).toBe(0);
    expect((await runCli(["import", "--publish", dir])).code).toBe(1);
    expect(await db.flowVersion.count({ where: { flow: { slug: { in: ["cli-keep", "cli-fresh"] } } } })).toBe(0);

    // The same file twice loses nothing: no --replace needed.
    expect((await runCli(["import", tempDir({ "keep.json": { ...good, slug: "cli-keep", name: "Draft work" } })])).code).toBe(0);
    const replaced = await runCli(["import", "--replace", dir]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain("cli-keep: draft saved");
    expect((await db.flow.findUniqueOrThrow({ where: { slug: "cli-keep" }, select: { name: true } })).name).toBe("From git");
  });

  it("validate still reports everything it can in a file that does not parse", async () => {
    const flow = brokenFlow();
    flow.slug = "broken-everywhere";
    (flow.edges as Array<Record<string, unknown>>).push({ id: "dangling", source: "confirm", sourceHandle: "next", target: "nowhere" });
    const support = (flow.nodes as Array<{ id: string; data: Record<string, unknown> }>).find((node) => node.id === "to-support") as { data: Record<string, unknown> };
    support.data.team = "legal";
    const dir = tempDir({ "broken.json": flow, "syntax.json": '{\n  "schemaVersion": 1,\n  nope\n}' });
    const result = await runCli(["validate", dir]);
    expect(result.code).toBe(1);
    // The schema errors...
    expect(result.stderr).toMatch(/broken\.json: error \[node ask-email, field type\]/);
    expect(result.stderr).toMatch(/broken\.json: error \[node to-billing, field priority\]/);
    // ...and, in the same run, the checks of the parts that do parse.
    expect(result.stderr).toMatch(/broken\.json: error \[node to-support, field team\]: There is no team "legal"/);
    expect(result.stderr).toMatch(/broken\.json: error \[node confirm, field next\]: The "next" output is connected twice|broken\.json: error \[node confirm, field next\]: The "next" output leads to a node that does not exist/);
    // Nothing is guessed about the nodes that did not parse.
    expect(result.stderr).not.toMatch(/unreachable|No path from the start/);
    expect(result.stderr).toMatch(/syntax\.json: error: not valid JSON: .* \(line 3, column 3\)/);
  });

  it("export <dir> writes every flow as <dir>/<slug>.json; export <file> writes that one flow", async () => {
    const good = readFixtureFlow() as { slug: string; name: string };
    for (const slug of ["exp-a", "exp-b"]) {
      const published = await publishFlow({ ...good, slug, name: `Export ${slug}` });
      expect(published.ok).toBe(true);
    }
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-export-dir-")), "nested/");
    const all = await runCli(["export", dir]);
    expect(all.code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining(["exp-a.json", "exp-b.json"]));
    expect(JSON.parse(fs.readFileSync(path.join(dir, "exp-b.json"), "utf8"))).toMatchObject({ slug: "exp-b", name: "Export exp-b" });

    const single = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-export-file-")), "exp-a.json");
    expect((await runCli(["export", single])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(single, "utf8"))).toMatchObject({ slug: "exp-a" });
    // An existing file names its flow by the slug inside it, whatever the file is called.
    const renamed = path.join(path.dirname(single), "my-copy.json");
    fs.writeFileSync(renamed, JSON.stringify({ slug: "exp-b" }));
    expect((await runCli(["export", renamed])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(renamed, "utf8"))).toMatchObject({ slug: "exp-b", name: "Export exp-b", schemaVersion: 1 });
    const unknown = await runCli(["export", path.join(path.dirname(single), "no-such-flow.json")]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no flow with slug "no-such-flow"');
  });

  it("export --publish writes the published version, not a newer draft", async () => {
    const good = readFixtureFlow() as { slug: string; name: string };
    expect((await publishFlow({ ...good, slug: "exp-pub", name: "Published name" })).ok).toBe(true);
    const draftDir = tempDir({ "exp-pub.json": { ...good, slug: "exp-pub", name: "Draft name" } });
    expect((await runCli(["import", "--replace", draftDir])).code).toBe(0);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "baton-export-pub-"));
    const file = path.join(out, "exp-pub.json");
    const published = await runCli(["export", "--publish", file]);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("(published version 1)");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).name).toBe("Published name");
    expect((await runCli(["export", file])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).name).toBe("Draft name");
    const neverPublished = tempDir({ "exp-draft.json": { ...good, slug: "exp-draft" } });
    expect((await runCli(["import", neverPublished])).code).toBe(0);
    const refused = await runCli(["export", "--publish", "exp-draft", "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exp-draft: never published");
  });

  it("import refuses a flow that routes to a team that does not exist", async () => {
    const flow = readFixtureFlow() as { slug: string; nodes: Array<{ id: string; data: Record<string, unknown> }> };
    flow.slug = "cli-unknown-team";
    (flow.nodes.find((node) => node.id === "to-billing") as { data: Record<string, unknown> }).data.team = "legal";
    const result = await runCli(["import", tempDir({ "x.json": flow })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/node to-billing, field team\]: There is no team "legal"/);
    expect(await db.flow.count({ where: { slug: "cli-unknown-team" } })).toBe(0);
  });
});

describe("publishFlow", () => {
  it("refuses a flow with errors, returning the diagnostics, and writes nothing", async () => {
    const flow = readFixtureFlow() as { slug: string; edges: Array<{ id: string }> };
    flow.slug = "refused";
    flow.edges = flow.edges.filter((edge) => edge.id !== "e2"); // the billing output is left unconnected
    const result = await publishFlow(flow);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ severity: "error", code: "unconnected-output", nodeId: "topic", field: "billing" })]);
    expect(await db.flow.count({ where: { slug: "refused" } })).toBe(0);
  });

  it("numbers versions 1..N and pins new conversations to the latest", async () => {
    const flow = readFixtureFlow() as { slug: string; name: string };
    flow.slug = "versioned";
    const first = await publishFlow(flow);
    const second = await publishFlow({ ...flow, name: "Versioned v2" });
    expect(first.ok && first.number).toBe(1);
    expect(second.ok && second.number).toBe(2);
    const versions = await db.flowVersion.findMany({ where: { flow: { slug: "versioned" } }, select: { number: true, publishedAt: true, documentHash: true } });
    expect(versions.map((version) => version.number).sort()).toEqual([1, 2]);
    expect(versions.every((version) => version.publishedAt && version.documentHash.length === 64)).toBe(true);
  });
});
