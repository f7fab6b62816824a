/**
 * Canvas speed in Chromium against the PRODUCTION build: a generated 300-node flow
 * (tests/support/large-flow.ts) opened in the editor.
 *   renderMs   navigation start → every card rendered and measured and the view fitted (the
 *              first frame a person can work with), read from the page's own clock;
 *   fitAllMs   a click on "fit view" → the frame showing the whole flow;
 *   editMs     one keystroke in a step's form → its card on the canvas showing what the field
 *              says (key event → the card's DOM, and → the next animation frame), every
 *              keystroke timed from its own key event;
 *   editMainThreadMsPerKey  the page's main-thread task time (wall clock) per keystroke while typing.
 * Targets: render under 1.5 s, under 100 ms per edit. Median and p95 over RUNS page loads and
 * KEYS keystrokes. Two shared cores: wall times include waiting for a CPU (load average
 * reported); treat the figures as noisy. Writes bench/results/canvas.json.
 * Run alone: npx tsx bench/canvas.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium";
import { createBenchDatabase, benchRoot, percentile, startBenchServer } from "../tests/support/bench-helpers";
import { generateLargeFlow } from "../tests/support/large-flow";

const NODES = 300;
const RUNS = Number(process.env.BENCH_CANVAS_RUNS ?? 5);
const KEYS = Number(process.env.BENCH_CANVAS_KEYS ?? 30);
const EDITED_NODE = "b0_again";

const round = (ms: number) => Math.round(ms * 10) / 10;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted[sorted.length - 1] ?? 0) };
};

/** Resolves, in page time since navigation, once every card is measured and the view has been fitted. */
function waitForFittedCanvas(page: Page, nodes: number) {
  return page.waitForFunction(
    (expected) => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      const cards = document.querySelectorAll<HTMLElement>(".react-flow__node");
      if (!viewport || cards.length < expected) return false;
      for (const card of cards) if (card.style.visibility === "hidden") return false;
      // The first fitted transform: the canvas starts at its blank viewport (canvas.tsx BLANK_VIEWPORT)
      // and fits once the cards it opens on are measured — often at 100 %, so the zoom alone tells nothing.
      return viewport.style.transform.includes("scale(") && viewport.style.transform !== "translate(60px,80px) scale(0.8)" ? performance.now() : false;
    },
    nodes,
    { polling: "raf", timeout: 30_000 },
  );
}

/** Page-clock timestamps of the stages of opening the editor, recorded every frame from navigation on. */
const STAGES_SCRIPT = `(() => {
  const stages = (window.__stages = {});
  const mark = (name) => { if (!(name in stages)) stages[name] = Math.round(performance.now()); };
  const check = () => {
    if (document.querySelector(".builder-loading")) mark("shellPainted");
    const cards = document.querySelectorAll(".react-flow__node");
    if (cards.length) mark("cardsInDom");
    if (cards.length && [...cards].every((card) => card.style.visibility !== "hidden")) mark("cardsMeasured");
    if (!("cardsMeasured" in stages)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

type Timing = { renderMs: number; stages: Record<string, number> };

async function measureRender(page: Page, url: string): Promise<Timing> {
  await page.goto(url);
  const handle = await waitForFittedCanvas(page, 1);
  const renderMs = Number(await handle.jsonValue());
  const stages = (await page.evaluate(`({
    ...window.__stages,
    htmlReceived: Math.round(performance.getEntriesByType("navigation")[0].responseEnd),
    scriptsRun: Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd),
  })`)) as Record<string, number>;
  return { renderMs, stages };
}

// In-page code is passed as text: tsx would wrap named functions in a helper the page does not have.
const FIT_ALL_SCRIPT = `(async () => {
  const viewport = document.querySelector(".react-flow__viewport");
  const before = viewport.style.transform;
  const started = performance.now();
  document.querySelector(".react-flow__controls-fitview").click();
  while (viewport.style.transform === before) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
})()`;

async function measureFitAll(page: Page): Promise<number> {
  return Number(await page.evaluate(FIT_ALL_SCRIPT));
}

/**
 * Arms in-page timers: each keydown in the field starts one, stopped when the card shows what the
 * field now says (the card shows the text trimmed, so a typed space is done as soon as the field
 * has taken it) — in the DOM, and at the next animation frame. Every keystroke is timed from its
 * own keydown, also when one frame shows several.
 */
const EDIT_PROBE_SCRIPT = (nodeId: string) => `(() => {
  const text = document.querySelector('.react-flow__node[data-id="${nodeId}"] .node-text');
  const field = document.querySelector(".builder-panel textarea");
  const probe = { pending: [], dom: [], frame: [] };
  window.__probe = probe;
  // The card showing a later keystroke's text has shown the earlier ones too.
  const settle = () => {
    const now = performance.now();
    const shown = text.textContent;
    let last = -1;
    probe.pending.forEach((key, index) => { if (key.expected === shown) last = index; });
    if (last < 0) return;
    const done = probe.pending.splice(0, last + 1);
    requestAnimationFrame(() => {
      const at = performance.now();
      for (const key of done) {
        probe.dom.push(now - key.started);
        probe.frame.push(at - key.started);
      }
    });
  };
  field.addEventListener("keydown", () => probe.pending.push({ started: performance.now() }), true);
  // Bubbling to window: the field holds its new value; the card follows now or in a microtask (the observer).
  window.addEventListener("input", (event) => {
    if (event.target !== field) return;
    for (const key of probe.pending) if (key.expected === undefined) key.expected = field.value.trim();
    settle();
  });
  new MutationObserver(settle).observe(text, { childList: true, characterData: true, subtree: true });
})()`;

async function main() {
  const database = await createBenchDatabase("canvas");
  const { db } = await import("~/utils/db.server");
  const { seedPeople } = await import("~/workspace/seed-people.server");
  const { saveFlowDraft } = await import("~/runtime/flow-versions.server");
  const { parseFlowDocument } = await import("~/flow");
  await seedPeople(db);
  const parsed = parseFlowDocument(generateLargeFlow(NODES));
  if (!parsed.ok) throw new Error("the generated flow does not parse");
  const flowId = await saveFlowDraft(db, parsed.document);

  const server = await startBenchServer(database.url, { SESSION_SECRET: randomBytes(32).toString("hex") });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin@baton.local");
    await page.getByLabel("Password").fill("baton-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");

    const url = `/flows/${flowId}`;
    await page.addInitScript(STAGES_SCRIPT);
    await measureRender(page, url); // warm-up: caches, JIT
    const timings: Timing[] = [];
    const fits: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      timings.push(await measureRender(page, url));
      fits.push(await measureFitAll(page));
    }
    const renders = timings.map((timing) => timing.renderMs);
    const stageNames = Object.keys(timings[0].stages);
    const stages = Object.fromEntries(stageNames.map((name) => [name, stats(timings.map((timing) => timing.stages[name] ?? 0)).medianMs]));
    const rendered = await page.locator(".react-flow__node").count();

    await measureRender(page, url);
    await page.locator(`.react-flow__node[data-id="${EDITED_NODE}"] .node-card-title`).click();
    const field = page.locator(".builder-panel textarea").first();
    await field.click();
    await page.keyboard.press("End");
    await page.evaluate(EDIT_PROBE_SCRIPT(EDITED_NODE));
    // Main-thread task time while typing (all of the page's tasks: React, React Flow, layout, paint).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskSeconds = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0);
    const tasksBefore = await taskSeconds();
    await page.keyboard.type(" Thanks for your patience".padEnd(KEYS, "!").slice(0, KEYS), { delay: 60 });
    await page.waitForFunction((keys) => (window as unknown as { __probe: { frame: number[] } }).__probe.frame.length >= keys, KEYS, { timeout: 5_000 }).catch(() => undefined);
    const tasksPerKeyMs = ((await taskSeconds()) - tasksBefore) * 1000 / KEYS;
    const probe = (await page.evaluate("window.__probe")) as { dom: number[]; frame: number[] };
    if (probe.frame.length !== KEYS) throw new Error(`the card showed the field's text after ${probe.frame.length} of ${KEYS} keystrokes`);

    const render = stats(renders);
    const edit = stats(probe.frame);
    const result = {
      benchmark: "canvas",
      nodes: parsed.document.nodes.length,
      edges: parsed.document.edges.length,
      cardsRenderedOnOpen: rendered,
      viewport: "1280x800",
      runs: RUNS,
      renderMs: render.medianMs,
      renderP95Ms: render.p95Ms,
      /** Median page-clock time of each stage of opening (ms since navigation start). */
      renderStages: stages,
      fitAllMs: stats(fits).medianMs,
      keystrokes: probe.frame.length,
      editMs: edit.medianMs,
      editP95Ms: edit.p95Ms,
      editToDomMs: stats(probe.dom).medianMs,
      /** The page's main-thread task time per keystroke while typing (wall clock, so waiting for a CPU is in it). */
      editMainThreadMsPerKey: round(tasksPerKeyMs),
      targets: { renderMs: 1500, editMs: 100 },
      /** Render: the median page load; edits: the 95th percentile keystroke. */
      meetsTargets: render.medianMs < 1500 && edit.p95Ms < 100,
      loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      cpus: os.cpus().length,
      note: "Measured on 2 shared cores while other engineers' builds and tests ran (see loadAverage): wall times include waiting for a CPU and vary run to run by a factor of two. renderMs counts from navigation start (HTML, scripts, loader data, React Flow measuring every card, the first fit); renderStages splits it. editMs times every keystroke to the card showing the field's text; the earlier probe waited for the card's DOM to change, which a typed space never does (cards show the text trimmed), so each of the 4 spaces was charged until the next key (~100 ms, the old p95 of 125 ms).",
      browser: browser.version(),
      at: new Date().toISOString(),
    };
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/canvas.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`canvas: ${result.nodes} nodes render ${result.renderMs} ms (p95 ${result.renderP95Ms}), fit all ${result.fitAllMs} ms, edit ${result.editMs} ms (p95 ${result.editP95Ms}) → bench/results/canvas.json`);
    if (!result.meetsTargets) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
    database.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
