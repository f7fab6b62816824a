/**
 * Issue 15 experiment, the second idea after the question adapter (bench/question-adapter-explore.ts):
 * QUESTION-FORM CUES. USE-lite is symmetric, so a customer's question sits closer to another
 * question than to the passage that answers it. Each article gets cues written in the form a
 * customer asks, from fixed templates (chosen before any measurement, nothing fitted): for the
 * title and each section heading, "<heading>?" and "How do I <heading>?"; for each table row, list
 * item or sentence that holds a duration, "How long does <subject> take?", and for one that holds
 * a price, "How much does <subject> cost?" — the subject being a row's label (its text before " — "),
 * else the section heading, else the title, after the title ("<title>: how long does … take?").
 * They would be embedded once per article revision, like the generated cues.
 * Measured on plain cosines exactly as the adapter (both domains' tuning questions, no training, so
 * no direction): articles ranked by the best passage-or-cue cosine, with and without the
 * question-form cues — recall@1 and MRR of the answerable questions, AUROC of the first article's
 * cosine for answerable vs unanswerable questions. The sixth held-out sets and any "heldout7" file
 * are never read. Writes bench/results/question-cues-explore.json.
 * Run: npx tsx bench/question-cues-explore.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EvalArticle } from "~/engines/eval/kb-eval";
import { parseArticleOutline } from "~/engines/local/article-outline";
import { AMOUNT, TIME } from "~/engines/local/knowledge-answer-type";
import { figures, identity, loadDomains } from "./question-adapter-explore";

const root = path.resolve(__dirname, "..");
const RESULTS_FILE = path.join(root, "bench/results/question-cues-explore.json");
const QUESTION_START = /^(?:how|what|why|when|where|who|which|can|could|is|are|do|does|should|will|would)\b/i;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const asked = (text: string) => (text.trim().endsWith("?") ? text.trim() : `${text.trim()}?`);

/** The question-form cues of one article (see the header). */
export function questionFormCues(article: Pick<EvalArticle, "title" | "body">): string[] {
  const outline = parseArticleOutline(article.title, article.body);
  const cues: string[] = [];
  for (const heading of [article.title, ...outline.map((section) => section.heading)]) {
    cues.push(asked(heading));
    if (!QUESTION_START.test(heading)) cues.push(`How do I ${lowerFirst(asked(heading))}`);
  }
  for (const section of outline) {
    for (const block of section.blocks) {
      for (const unit of block.units) {
        const label = block.kind === "rows" ? unit.text.split(" — ")[0] : section.heading === article.title ? article.title : section.heading;
        const subject = lowerFirst(label.replace(/[?.!:]+$/, ""));
        if (TIME.test(unit.text)) cues.push(`${article.title}: how long does ${subject} take?`);
        if (AMOUNT.test(unit.text)) cues.push(`${article.title}: how much does ${subject} cost?`);
      }
    }
  }
  return [...new Set(cues)];
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const [plain, asking] = [await loadDomains(), await loadDomains(questionFormCues)];
  const byDomain = Object.fromEntries(
    plain.map((domain, i) => {
      const withQuestions = asking[i];
      const cueCount = (list: typeof domain.articles) => list.reduce((sum, article) => sum + article.cues.length, 0);
      return [
        domain.name,
        {
          cues: { generated: cueCount(domain.articles), withQuestionForm: cueCount(withQuestions.articles) },
          bestPassageOrCue: { generatedCues: figures(domain, domain.questions, identity, true), withQuestionFormCues: figures(withQuestions, withQuestions.questions, identity, true) },
        },
      ];
    }),
  );
  const report = {
    about:
      "Question-form cues (fixed templates, nothing fitted) added to each article's generated cues: plain cosine ranking by the best passage-or-cue cosine, recall@1 / MRR of the answerable tuning questions and AUROC of the top cosine answerable vs unanswerable, per domain. Held-out sets (sixth, seventh) never read.",
    generatedAt: new Date().toISOString(),
    wallSeconds: Math.round((performance.now() - started) / 1000),
    loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
    byDomain,
  };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(byDomain, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
