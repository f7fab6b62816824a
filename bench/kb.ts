/**
 * The knowledge base as customers meet it, on two domains, through the public command
 * (`npm run -s kb -- eval`, one child process per data part):
 *   - the demo store (app/workspace/knowledge-base/*.md):
 *       HELD-OUT part demoHeldout6: bench/data/kb-heldout6-questions.json (answerable and
 *                     unanswerable; written from the articles alone by an engineer who had seen no
 *                     other question set, run once after every choice was made), also with the
 *                     articles' example questions (demoHeldout6WithExamples) and on words alone
 *       tuning parts  every older set, each run once as a held-out set and fitted on since
 *                     (bench/fit-kb-confidence.ts): demoTuning (bench/data/kb-questions.json +
 *                     kb-dev-unanswerable.json), demoTuningSpent (kb-test-questions.json),
 *                     demoFresh (kb-fresh-questions.json), demoHeldout3 (kb-heldout3-questions.json),
 *                     demoHeldout4 (kb-heldout4-questions.json), demoHeldout5 (kb-heldout5-questions.json)
 *   - StackFAQ (bench/data/stackfaq.ts), its knowledge base of 100 threads:
 *       HELD-OUT part stackFaqHeldout6: bench/data/stackfaq-heldout6-questions.json (same
 *                     provenance), also with two dev paraphrases per thread as example questions
 *       tuning parts  stackFaqTuning (dev `tune`), stackFaqTuningSpent (dev `report`),
 *                     stackFaqFresh, stackFaqHeldout3, stackFaqHeldout4, stackFaqHeldout5 (the older held-out sets,
 *                     fitted on since)
 * Beside the plain tuning parts, the same with example questions ("Customers also ask",
 * bench/kb-examples.ts): demoTuningWithExamples (the lead-written bench/data/kb-article-questions.json)
 * and stackFaqTuningWithExamples against stackFaqTuningWithoutExamples (two dev paraphrases per
 * thread as its example questions, left out of the questions of both).
 * Each: recall@1/@3, MRR, and at the kb node's default minScore answeredRight / answeredWrong /
 * refused / answeredUnanswerable and the calibration error; per question wall-clock and CPU.
 * Also the held-out demo part ranked on words alone (`--lexical`: the encoder-down fallback), the
 * extractive answer's quality (bench/data/kb-answers.json), and the one-off cost of embedding the
 * demo knowledge base. Writes bench/results/kb.json. Run alone: npx tsx bench/kb.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AnswerLabelsSchema, answerExamples } from "~/engines/eval/kb-answer-eval";
import { buildEvalIndex, type EvalArticle, type EvalQuestion } from "~/engines/eval/kb-eval";
import { WorkerSentenceEncoder } from "~/engines/local/sentence-encoder.server";
import { exportArticlesForEval } from "~/kb/import.server";
import { loadStackFaq, stackFaqAvailable } from "./data/stackfaq";
import { demoConditions, stackFaqConditions } from "./kb-examples";

const root = path.resolve(__dirname, "..");
const articlesDir = path.join(root, "app/workspace/knowledge-base");
const answersFile = path.join(root, "bench/data/kb-answers.json");
const EXAMPLE_QUESTIONS = ["do gift cards expire", "forgot my password", "how do i get grass stains out of jeans"];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-bench-"));

const readQuestions = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as EvalQuestion[];

function writeTemp(name: string, value: unknown): string {
  const file = path.join(workDir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

function runEval(articles: string, questions: string, extra: string[] = []): Record<string, unknown> {
  const output = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["app/cli/kb.ts", "eval", "--articles", articles, "--questions", questions, ...extra], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").pop() ?? "{}");
}

/** Wall-clock and CPU (this process and the encoder's worker thread) of embedding a whole knowledge base once. */
async function embeddingCost(articles: EvalArticle[]) {
  const encoder = new WorkerSentenceEncoder();
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const index = buildEvalIndex(articles, encoder);
    await index.whenEmbedded();
    const used = process.cpuUsage(cpu);
    return { articles: articles.length, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), note: "includes loading the model on the worker (once per process)" };
  } finally {
    await encoder.close();
  }
}

export async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const demoArticles = exportArticlesForEval(articlesDir);
  const demoFile = writeTemp("demo-articles", demoArticles);
  const demoDev = writeTemp("demo-dev", [...readQuestions("bench/data/kb-questions.json"), ...readQuestions("bench/data/kb-dev-unanswerable.json")]);
  const demoFresh = path.join(root, "bench/data/kb-fresh-questions.json");
  const demoHeldout6 = path.join(root, "bench/data/kb-heldout6-questions.json");
  const demoWithExamples = writeTemp("demo-examples", demoConditions().withExamples);
  const parts: Record<string, Record<string, unknown>> = {
    demoHeldout6: runEval(demoFile, demoHeldout6),
    demoHeldout6WithExamples: runEval(demoWithExamples, demoHeldout6),
    demoHeldout6WordsOnly: runEval(demoFile, demoHeldout6, ["--lexical"]),
    demoFresh: runEval(demoFile, demoFresh),
    demoHeldout3: runEval(demoFile, path.join(root, "bench/data/kb-heldout3-questions.json")),
    demoHeldout4: runEval(demoFile, path.join(root, "bench/data/kb-heldout4-questions.json")),
    demoHeldout5: runEval(demoFile, path.join(root, "bench/data/kb-heldout5-questions.json")),
    demoTuning: runEval(demoFile, demoDev, ["--answers", answersFile]),
    demoTuningSpent: runEval(demoFile, path.join(root, "bench/data/kb-test-questions.json")),
    demoTuningWithExamples: runEval(demoWithExamples, demoDev),
  };
  if (stackFaqAvailable()) {
    // Both parts share one knowledge base (the threads not left out); only their questions differ.
    const tune = loadStackFaq("tune");
    const faqArticles = writeTemp("sf-articles", tune.articles);
    const faqHeldout6 = path.join(root, "bench/data/stackfaq-heldout6-questions.json");
    const faqExamples = stackFaqConditions();
    const faqWithExamples = writeTemp("sf-examples", faqExamples.withExamples);
    parts.stackFaqHeldout6 = runEval(faqArticles, faqHeldout6);
    parts.stackFaqHeldout6WithExamples = runEval(faqWithExamples, faqHeldout6);
    parts.stackFaqFresh = runEval(faqArticles, path.join(root, "bench/data/stackfaq-fresh-questions.json"));
    parts.stackFaqHeldout3 = runEval(faqArticles, path.join(root, "bench/data/stackfaq-heldout3-questions.json"));
    parts.stackFaqHeldout4 = runEval(faqArticles, path.join(root, "bench/data/stackfaq-heldout4-questions.json"));
    parts.stackFaqHeldout5 = runEval(faqArticles, path.join(root, "bench/data/stackfaq-heldout5-questions.json"));
    parts.stackFaqTuning = runEval(faqArticles, writeTemp("sf-tune", tune.questions));
    parts.stackFaqTuningSpent = runEval(faqArticles, writeTemp("sf-report", loadStackFaq("report").questions));
    const reduced = writeTemp("sf-tune-without-examples", faqExamples.questions);
    parts.stackFaqTuningWithoutExamples = runEval(faqArticles, reduced);
    parts.stackFaqTuningWithExamples = runEval(faqWithExamples, reduced);
  }
  const labels = AnswerLabelsSchema.parse(JSON.parse(fs.readFileSync(answersFile, "utf8"))).items;
  const examples = answerExamples(buildEvalIndex(demoArticles), labels.filter((label) => EXAMPLE_QUESTIONS.includes(label.question)));
  const report = {
    dataset:
      "HELD OUT (never tuned on, run once after every choice was made): demoHeldout6 bench/data/kb-heldout6-questions.json, stackFaqHeldout6 bench/data/stackfaq-heldout6-questions.json (…WithExamples: the same questions, the articles with example questions: bench/data/kb-article-questions.json for the demo store, each thread's first two dev paraphrases for StackFAQ). Tuning (every older set: each was run once as a held-out set, then fitted on by bench/fit-kb-confidence.ts): demoTuning bench/data/kb-questions.json + kb-dev-unanswerable.json; demoTuningSpent bench/data/kb-test-questions.json; demoFresh bench/data/kb-fresh-questions.json; demoHeldout3 bench/data/kb-heldout3-questions.json; demoHeldout4 bench/data/kb-heldout4-questions.json; demoHeldout5 bench/data/kb-heldout5-questions.json; stackFaqTuning / stackFaqTuningSpent: ../shared/data/stackfaq dev, threads sf-000…sf-062 / sf-063…, every fifth thread left out of the KB so its questions are unanswerable (bench/data/stackfaq.ts); stackFaqFresh, stackFaqHeldout3, stackFaqHeldout4, stackFaqHeldout5: bench/data/stackfaq-{fresh,heldout3,heldout4,heldout5}-questions.json. Answers: bench/data/kb-answers.json.",
    note: "Quality figures are deterministic given the model; timings are per question on a shared 2-core machine (wall clock and CPU; CPU includes the encoder's worker thread).",
    generatedAt: new Date().toISOString(),
    loadAverage: { before: loadBefore.map((value) => Math.round(value * 100) / 100), after: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    ...parts,
    embedDemoKnowledgeBase: await embeddingCost(demoArticles),
    answerExamples: examples,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results/kb.json"), `${JSON.stringify(report, null, 2)}\n`);
  const pct = (value: unknown) => `${((value as number) * 100).toFixed(1)}%`.padStart(9);
  console.log(`${"part".padEnd(22)}${["recall@1", "recall@3", "right", "wrong", "refused", "unans.", "ECE", "minScore"].map((h) => h.padStart(9)).join("")}   p50/p99 ms (CPU)`);
  for (const [name, m] of Object.entries(parts)) {
    const t = m.perQuestion as Record<string, number>;
    console.log(
      `${name.padEnd(22)}${pct(m.recallAt1)}${pct(m.recallAt3)}${pct(m.answeredRight)}${pct(m.answeredWrong)}${pct(m.refused)}${pct(m.answeredUnanswerable)}${String(m.ece).padStart(9)}${String(m.minScore).padStart(9)}   ${t.p50Ms}/${t.p99Ms} (${t.p50CpuMs}/${t.p99CpuMs})`,
    );
  }
  console.log(`embedding the demo KB once: ${JSON.stringify(report.embedDemoKnowledgeBase)}; load average ${report.loadAverage.before.join(" ")} → ${report.loadAverage.after.join(" ")}`);
  fs.rmSync(workDir, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
