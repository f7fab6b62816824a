/**
 * The texts bench/fit-sentence-space.ts and bench/sentence-space-diagnostic.ts read, and their
 * sentence vectors (RAW: the encoder's unit vectors, before any sentence-space map).
 *
 * Vectors are kept in the OS temp folder (baton-sentence-space-vectors.json). The first run seeds
 * that file from the caches the other fit scripts left there (bench/fit-kb-confidence.ts's
 * baton-kb-fit-vectors.json, and CALIBRATION_VECTORS-style {texts, data} files named in
 * SPACE_SEED_VECTORS, colon-separated), so only the texts no script has embedded yet go to the
 * encoder. The model is deterministic: a cached vector is the vector.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { EvalArticle, EvalQuestion } from "~/engines/eval/kb-eval";
import { parseArticleOutline } from "~/engines/local/article-outline";
import { articlePassages } from "~/engines/local/article-passages";
import { SENTENCE_VECTOR_SIZE } from "~/engines/local/sentence-encoder.server";
import { loadStackFaq } from "./data/stackfaq";
import { demoConditions } from "./kb-examples";
import { embedAll } from "./sentence-vectors";

const root = path.resolve(__dirname, "..");
export const SHARED_DATA = process.env.SHARED_DATA_DIR ?? path.resolve(root, "../shared/data");
const CACHE_FILE = path.join(os.tmpdir(), "baton-sentence-space-vectors.json");
const KB_FIT_CACHE = path.join(os.tmpdir(), "baton-kb-fit-vectors.json");

const ClincSchema = z.array(z.object({ text: z.string(), intent: z.string() }));
const NluppSchema = z.array(z.object({ text: z.string() }));
export type ClincRow = z.infer<typeof ClincSchema>[number];

/** CLINC150 intents whose names start with a–m: the half every constant is chosen on (issue 15). */
export const isTuningIntent = (intent: string) => intent !== "oos" && intent[0] >= "a" && intent[0] <= "m";

export function readClinc(split: "train" | "val"): ClincRow[] {
  return ClincSchema.parse(JSON.parse(fs.readFileSync(path.join(SHARED_DATA, "clinc150", `${split}.json`), "utf8")));
}

export function readNluppTrain(): string[] {
  return NluppSchema.parse(JSON.parse(fs.readFileSync(path.join(SHARED_DATA, "nlupp", "train.json"), "utf8"))).map((row) => row.text);
}

/** The passages of an article as the knowledge index embeds them (title first; knowledge-index.ts). */
export function passagesOf(article: EvalArticle): string[] {
  return articlePassages(article.title, parseArticleOutline(article.title, article.body));
}

export type KbDomain = { name: "demo" | "stackfaq"; articles: EvalArticle[]; sets: Array<{ source: string; questions: EvalQuestion[] }> };

const readQuestions = (file: string) => JSON.parse(fs.readFileSync(path.join(root, "bench/data", file), "utf8")) as EvalQuestion[];

/**
 * Both knowledge bases with every question set in bench/data (all spent, the fourth held-out sets
 * included). The fifth held-out sets are never read.
 */
export function kbDomains(): KbDomain[] {
  const demo = demoConditions().plain;
  const demoFiles = ["kb-questions.json", "kb-dev-unanswerable.json", "kb-test-questions.json", "kb-fresh-questions.json", "kb-heldout3-questions.json", "kb-heldout4-questions.json"];
  const stackFaqFiles = ["stackfaq-fresh-questions.json", "stackfaq-heldout3-questions.json", "stackfaq-heldout4-questions.json"];
  const tune = loadStackFaq("tune");
  return [
    { name: "demo", articles: demo, sets: demoFiles.map((file) => ({ source: file, questions: readQuestions(file) })) },
    {
      name: "stackfaq",
      articles: tune.articles,
      sets: [
        { source: "stackfaq tune", questions: tune.questions },
        { source: "stackfaq report", questions: loadStackFaq("report").questions },
        ...stackFaqFiles.map((file) => ({ source: file, questions: readQuestions(file) })),
      ],
    },
  ];
}

/** The kb-fit script's cache ({text: base64 float32}) and any {texts, data} files, as one map. */
function seedVectors(): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  if (fs.existsSync(KB_FIT_CACHE)) {
    for (const [text, base64] of Object.entries(JSON.parse(fs.readFileSync(KB_FIT_CACHE, "utf8")) as Record<string, string>)) {
      const bytes = Buffer.from(base64, "base64");
      if (bytes.byteLength === SENTENCE_VECTOR_SIZE * 4) vectors.set(text, new Float32Array(new Uint8Array(bytes).buffer));
    }
  }
  for (const file of (process.env.SPACE_SEED_VECTORS ?? "").split(":").filter(Boolean)) {
    if (!fs.existsSync(file)) continue;
    const { texts, data } = JSON.parse(fs.readFileSync(file, "utf8")) as { texts: string[]; data: string };
    const flat = new Float32Array(new Uint8Array(Buffer.from(data, "base64")).buffer);
    texts.forEach((text, i) => vectors.set(text, flat.slice(i * SENTENCE_VECTOR_SIZE, (i + 1) * SENTENCE_VECTOR_SIZE)));
  }
  return vectors;
}

/** Raw unit vectors of `texts`, from the cache or the product's encoder (then cached). */
export async function rawVectors(texts: Iterable<string>): Promise<Map<string, Float32Array>> {
  if (!fs.existsSync(CACHE_FILE)) {
    const seed = seedVectors();
    if (seed.size > 0) {
      const flat = new Float32Array(seed.size * SENTENCE_VECTOR_SIZE);
      const keys = [...seed.keys()];
      keys.forEach((text, i) => flat.set(seed.get(text)!, i * SENTENCE_VECTOR_SIZE));
      fs.writeFileSync(CACHE_FILE, JSON.stringify({ texts: keys, data: Buffer.from(flat.buffer).toString("base64") }));
    }
  }
  return embedAll(texts, CACHE_FILE);
}
