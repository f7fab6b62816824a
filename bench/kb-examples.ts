/**
 * Example questions ("Customers also ask") measured on the TUNING parts only, each with and
 * without them, through the public command (`npm run -s kb -- eval`, one child process per run):
 *   - demoTuning: the demo store's articles (app/workspace/knowledge-base) with the example
 *     questions a support lead wrote reading only the articles (bench/data/kb-article-questions.json,
 *     2–3 per article), on bench/data/kb-questions.json + kb-dev-unanswerable.json;
 *   - stackFaqTuning: every dev paraphrase is already a test question of some part, so each
 *     knowledge-base thread's FIRST TWO dev paraphrases become its example questions and the
 *     stackFaqTuning questions are evaluated without them (both conditions on that same reduced set);
 *   - stackFaqOtherThreads: the side effect on articles WITHOUT example questions — only the tune
 *     threads (sf-000…sf-062) get theirs, and the questions are the other threads' (dev `report`,
 *     the spent part, tuning data): does teaching some articles take answers from the rest?
 * The spent held-out parts (demoFresh, stackFaqFresh, the third sets) are not run here. Writes
 * bench/results/kb-examples.json. Since the 2026-12-07 refit every part here is also fitted on, so
 * these figures are in-sample; bench/fit-kb-confidence.ts reports the out-of-fold ones.
 * Also the fit's conditions (demoFitConditions, stackFaqFitConditions): every question set not held
 * out, plain, with example questions on every article and mixed (every other article taught).
 * Run: npx tsx bench/kb-examples.ts
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { EvalArticle, EvalQuestion } from "~/engines/eval/kb-eval";
import { exportArticlesForEval } from "~/kb/import.server";
import { loadStackFaq, STACKFAQ_DIR, stackFaqAvailable } from "./data/stackfaq";

const root = path.resolve(__dirname, "..");
const EXAMPLES_PER_THREAD = 2;
const DemoQuestionsSchema = z.object({ about: z.string(), questions: z.record(z.string(), z.array(z.string()).min(1)) });
const DevSchema = z.array(z.object({ text: z.string(), article: z.string() }));

const readQuestions = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as EvalQuestion[];

/** The metrics compared, in the order the table prints them. */
const COMPARED = ["recallAt1", "recallAt3", "mrr", "answeredRight", "answeredWrong", "refused", "answeredUnanswerable", "ece"] as const;

function runEval(workDir: string, name: string, articles: EvalArticle[], questions: EvalQuestion[]): Record<string, unknown> {
  const articlesFile = path.join(workDir, `${name}-articles.json`);
  const questionsFile = path.join(workDir, `${name}-questions.json`);
  fs.writeFileSync(articlesFile, JSON.stringify(articles));
  fs.writeFileSync(questionsFile, JSON.stringify(questions));
  const output = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["app/cli/kb.ts", "eval", "--articles", articlesFile, "--questions", questionsFile], { cwd: root, encoding: "utf8" });
  return JSON.parse(output.trim().split("\n").pop() ?? "{}");
}

/** The demo store, plain and with the lead's example questions. */
export function demoConditions(): { plain: EvalArticle[]; withExamples: EvalArticle[]; questions: EvalQuestion[] } {
  const plain = exportArticlesForEval(path.join(root, "app/workspace/knowledge-base"));
  const examples = DemoQuestionsSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "bench/data/kb-article-questions.json"), "utf8"))).questions;
  const missing = plain.filter((article) => !examples[article.id]);
  if (missing.length > 0) throw new Error(`bench/data/kb-article-questions.json has no questions for ${missing.map((article) => article.id).join(", ")}`);
  return {
    plain,
    withExamples: plain.map((article) => ({ ...article, questions: examples[article.id] })),
    questions: [...readQuestions("bench/data/kb-questions.json"), ...readQuestions("bench/data/kb-dev-unanswerable.json")],
  };
}

/** StackFAQ's knowledge base, plain and with two dev paraphrases per thread as example questions; the tune questions without those. */
export function stackFaqConditions(): { plain: EvalArticle[]; withExamples: EvalArticle[]; questions: EvalQuestion[] } {
  const { articles: plain, questions } = loadStackFaq("tune");
  const byThread = stackFaqExamples(plain);
  const used = new Set([...byThread.values()].flat());
  return {
    plain,
    withExamples: plain.map((article) => ({ ...article, questions: byThread.get(article.id) ?? [] })),
    questions: questions.filter((question) => !used.has(question.question)),
  };
}

/** Example questions on the tune threads only; the questions of the other (report) threads, which have none. */
export function stackFaqOtherThreadsConditions(): { plain: EvalArticle[]; withExamples: EvalArticle[]; questions: EvalQuestion[] } {
  const { articles: plain } = loadStackFaq("tune");
  const byThread = stackFaqExamples(plain);
  const tuneThread = (id: string) => Number(id.replace(/\D/g, "")) < 63;
  return {
    plain,
    withExamples: plain.map((article) => ({ ...article, questions: tuneThread(article.id) ? (byThread.get(article.id) ?? []) : [] })),
    questions: loadStackFaq("report").questions,
  };
}

/** A question with the file (or StackFAQ part) it comes from, so figures can be read per source. */
export type SourcedQuestion = EvalQuestion & { source: string };

/**
 * Everything bench/fit-kb-confidence.ts fits on: the tuning parts and every spent held-out set
 * (the first held-out parts, the fresh sets, the third, fourth and fifth held-out sets, each run
 * once before it was spent). The sixth held-out sets are deliberately absent.
 */
const DEMO_FIT_FILES = [
  "bench/data/kb-questions.json",
  "bench/data/kb-dev-unanswerable.json",
  "bench/data/kb-test-questions.json",
  "bench/data/kb-fresh-questions.json",
  "bench/data/kb-heldout3-questions.json",
  "bench/data/kb-heldout4-questions.json",
  "bench/data/kb-heldout5-questions.json",
];
const STACKFAQ_FIT_FILES = ["bench/data/stackfaq-fresh-questions.json", "bench/data/stackfaq-heldout3-questions.json", "bench/data/stackfaq-heldout4-questions.json", "bench/data/stackfaq-heldout5-questions.json"];

const sourced = (source: string, questions: EvalQuestion[]): SourcedQuestion[] => questions.map((question) => ({ ...question, source }));

/**
 * One knowledge base four ways for the fit: plain; every article taught (with example questions);
 * and MIXED — every other article (by id order) taught, both halves, so the example-aware term also
 * meets untaught articles that are right and unanswerable near misses beside taught ones.
 * `questions` are asked of the plain base, `taughtQuestions` (without the example questions
 * themselves) of the three others.
 */
export type FitConditions = { plain: EvalArticle[]; withExamples: EvalArticle[]; mixed: [EvalArticle[], EvalArticle[]]; questions: SourcedQuestion[]; taughtQuestions: SourcedQuestion[] };

function mixedHalves(withExamples: EvalArticle[]): [EvalArticle[], EvalArticle[]] {
  const order = new Map([...withExamples].sort((a, b) => a.id.localeCompare(b.id)).map((article, i) => [article.id, i % 2]));
  const half = (parity: number) => withExamples.map((article) => (order.get(article.id) === parity ? article : { ...article, questions: [] }));
  return [half(0), half(1)];
}

export function demoFitConditions(): FitConditions {
  const { plain, withExamples } = demoConditions();
  const questions = DEMO_FIT_FILES.flatMap((file) => sourced(path.basename(file), readQuestions(file)));
  return { plain, withExamples, mixed: mixedHalves(withExamples), questions, taughtQuestions: questions };
}

/** StackFAQ: dev `tune` and `report` parts, the fresh, third, fourth and fifth held-out files; the taught conditions leave out the dev paraphrases used as example questions. */
export function stackFaqFitConditions(): FitConditions {
  const { articles: plain, questions: tune } = loadStackFaq("tune");
  const byThread = stackFaqExamples(plain);
  const used = new Set([...byThread.values()].flat());
  const withExamples = plain.map((article) => ({ ...article, questions: byThread.get(article.id) ?? [] }));
  const questions = [...sourced("stackfaq tune", tune), ...sourced("stackfaq report", loadStackFaq("report").questions), ...STACKFAQ_FIT_FILES.flatMap((file) => sourced(path.basename(file), readQuestions(file)))];
  return { plain, withExamples, mixed: mixedHalves(withExamples), questions, taughtQuestions: questions.filter((question) => !used.has(question.question)) };
}

/** Each knowledge-base thread's first EXAMPLES_PER_THREAD dev paraphrases. */
function stackFaqExamples(plain: EvalArticle[]): Map<string, string[]> {
  const inKb = new Set(plain.map((article) => article.id));
  const byThread = new Map<string, string[]>();
  for (const { text, article } of DevSchema.parse(JSON.parse(fs.readFileSync(path.join(STACKFAQ_DIR, "dev.json"), "utf8")))) {
    if (!inKb.has(article)) continue;
    const list = byThread.get(article) ?? [];
    if (list.length < EXAMPLES_PER_THREAD) byThread.set(article, [...list, text]);
  }
  return byThread;
}

function compare(plain: Record<string, unknown>, withExamples: Record<string, unknown>) {
  return Object.fromEntries(COMPARED.map((key) => [key, { plain: plain[key], withExamples: withExamples[key] }]));
}

export async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-kb-examples-"));
  const loadBefore = os.loadavg();
  const started = performance.now();
  const parts: Record<string, { questions: number; unanswerable: unknown; exampleQuestions: unknown; plain: Record<string, unknown>; withExamples: Record<string, unknown> }> = {};
  const conditions: Array<[string, () => ReturnType<typeof demoConditions>]> = [["demoTuning", demoConditions]];
  if (stackFaqAvailable()) conditions.push(["stackFaqTuning", stackFaqConditions], ["stackFaqOtherThreads", stackFaqOtherThreadsConditions]);
  for (const [name, load] of conditions) {
    const { plain, withExamples, questions } = load();
    const plainRun = runEval(workDir, `${name}-plain`, plain, questions);
    const examplesRun = runEval(workDir, `${name}-examples`, withExamples, questions);
    parts[name] = { questions: questions.length, unanswerable: plainRun.unanswerable, exampleQuestions: examplesRun.exampleQuestions, plain: plainRun, withExamples: examplesRun };
  }
  const report = {
    about:
      "TUNING parts only (never the held-out demoFresh / stackFaqFresh). demoTuning: bench/data/kb-questions.json + kb-dev-unanswerable.json over the demo store, example questions from bench/data/kb-article-questions.json (written from the articles alone). stackFaqTuning: dev threads sf-000…sf-062, every knowledge-base thread's first two dev paraphrases as its example questions and removed from the questions (both conditions on the same reduced set). stackFaqOtherThreads: examples on the sf-000…sf-062 threads only, questions of the sf-063… threads (dev report, spent part): the effect on articles without example questions. The base models (kb-confidence-model.json, kb-reranker-model.json) are fitted without example questions; a candidate with example questions adds the example-aware term of kb-examples-model.json (fitted on demoTuning and stackFaqTuning with examples, base held fixed), and its probability that file's Platt step.",
    generatedAt: new Date().toISOString(),
    wallSeconds: Math.round((performance.now() - started) / 1000),
    loadAverage: { before: loadBefore.map((value) => Math.round(value * 100) / 100), after: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    summary: Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, compare(part.plain, part.withExamples)])),
    parts,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results/kb-examples.json"), `${JSON.stringify(report, null, 2)}\n`);
  const pct = (value: unknown) => `${((value as number) * 100).toFixed(1)}%`.padStart(9);
  console.log(`${"part".padEnd(40)}${["recall@1", "right", "wrong", "refused", "unans.", "ECE"].map((h) => h.padStart(9)).join("")}`);
  for (const [name, part] of Object.entries(parts)) {
    for (const [condition, m] of [["plain", part.plain], ["with example questions", part.withExamples]] as const) {
      console.log(`${`${name} ${condition}`.padEnd(40)}${pct(m.recallAt1)}${pct(m.answeredRight)}${pct(m.answeredWrong)}${pct(m.refused)}${pct(m.answeredUnanswerable)}${String(m.ece).padStart(9)}`);
    }
  }
  fs.rmSync(workDir, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
