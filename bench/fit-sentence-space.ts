/**
 * Fits the sentence space (bench/sentence-space.ts): the mean and the top 16 principal
 * directions of USE-lite vectors over a GENERIC corpus, never the evaluation questions:
 *   - NLU++ train utterances (banking and hotel customers), ../shared/data/nlupp/train.json;
 *   - CLINC150 train phrases of the intents whose names start with a–m (n–z stay untouched);
 *   - the demo store's and StackFAQ's article passages (articles are what a lead gives us).
 * Each of the four sources weighs the same (a quarter of the mean and of the covariance), so
 * CLINC150's 7,500 phrases do not decide alone what "the common direction" is.
 * Writes bench/data/sentence-space.json (floats rounded to 5 decimals).
 * Run: npx tsx bench/fit-sentence-space.ts   (vectors cached in the OS temp folder: bench/sentence-space-data.ts)
 */
import fs from "node:fs";
import path from "node:path";
import { SENTENCE_VECTOR_SIZE } from "~/engines/local/sentence-encoder.server";
import { loadStackFaq } from "./data/stackfaq";
import { demoConditions } from "./kb-examples";
import { isTuningIntent, passagesOf, rawVectors, readClinc, readNluppTrain } from "./sentence-space-data";

const root = path.resolve(__dirname, "..");
const SPACE_FILE = path.join(root, "bench/data/sentence-space.json");
const COMPONENTS = 16;
const n = SENTENCE_VECTOR_SIZE;

/** The corpus, by source. */
export function corpusTexts(): Record<string, string[]> {
  return {
    "nlu++ train": readNluppTrain(),
    "clinc150 train a-m": readClinc("train")
      .filter((row) => isTuningIntent(row.intent))
      .map((row) => row.text),
    "demo store passages": demoConditions().plain.flatMap(passagesOf),
    "stackfaq passages": loadStackFaq("tune").articles.flatMap(passagesOf),
  };
}

export type CorpusMoments = { mean: Float64Array; covariance: Float64Array[]; sizes: Record<string, number> };

/** The sources' vectors' mean and centred covariance (n × n), each source weighing the same. */
export async function corpusMoments(): Promise<CorpusMoments> {
  const sources = Object.entries(corpusTexts()).map(([name, texts]) => [name, [...new Set(texts)]] as const);
  const vectors = await rawVectors(sources.flatMap(([, texts]) => texts));
  const weightOf = (texts: readonly string[]) => 1 / (sources.length * texts.length);
  const mean = new Float64Array(n);
  for (const [, texts] of sources) {
    const weight = weightOf(texts);
    for (const text of texts) vectors.get(text)!.forEach((value, i) => (mean[i] += weight * value));
  }
  const covariance = Array.from({ length: n }, () => new Float64Array(n));
  const centred = new Float64Array(n);
  for (const [, texts] of sources) {
    const weight = weightOf(texts);
    for (const text of texts) {
      const vector = vectors.get(text)!;
      for (let i = 0; i < n; i++) centred[i] = vector[i] - mean[i];
      for (let i = 0; i < n; i++) {
        const row = covariance[i];
        const scaled = weight * centred[i];
        for (let j = i; j < n; j++) row[j] += scaled * centred[j];
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) covariance[i][j] = covariance[j][i];
  return { mean, covariance, sizes: Object.fromEntries(sources.map(([name, texts]) => [name, texts.length])) };
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi): values descending, vectors as columns of `vectors[row][col]`. */
function jacobi(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const size = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += a[p][q] ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const [akp, akq] = [a[k][p], a[k][q]];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const [apk, aqk] = [a[p][k], a[q][k]];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const [vkp, vkq] = [v[k][p], v[k][q]];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  return { values: order.map((i) => a[i][i]), vectors: v.map((row) => order.map((i) => row[i])) };
}

/** Gram–Schmidt on the columns (here: rows) of a block, in place. */
function orthonormalise(block: Float64Array[]): void {
  block.forEach((vector, c) => {
    for (let previous = 0; previous < c; previous++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vector[i] * block[previous][i];
      for (let i = 0; i < n; i++) vector[i] -= dot * block[previous][i];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += vector[i] * vector[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) vector[i] /= norm;
  });
}

function multiply(matrix: Float64Array[], vector: Float64Array): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = matrix[i];
    let sum = 0;
    for (let j = 0; j < n; j++) sum += row[j] * vector[j];
    out[i] = sum;
  }
  return out;
}

/**
 * The top `count` eigenpairs of the covariance: subspace iteration on a wider block (2 × count),
 * then Rayleigh–Ritz in that block, so each of the first `count` directions is the exact one, not
 * just their span.
 */
export function topComponents(covariance: Float64Array[], count: number): { components: Float64Array[]; variances: number[] } {
  const width = 2 * count;
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  let block: Float64Array[] = Array.from({ length: width }, () => Float64Array.from({ length: n }, random));
  orthonormalise(block);
  for (let iteration = 0; iteration < 300; iteration++) {
    block = block.map((vector) => multiply(covariance, vector));
    orthonormalise(block);
  }
  const images = block.map((vector) => multiply(covariance, vector));
  const small = block.map((left) => images.map((right) => left.reduce((sum, value, i) => sum + value * right[i], 0)));
  const { values, vectors } = jacobi(small.map((row, i) => row.map((value, j) => (value + small[j][i]) / 2)));
  const components = Array.from({ length: count }, (_, c) => {
    const out = new Float64Array(n);
    block.forEach((vector, b) => {
      for (let i = 0; i < n; i++) out[i] += vectors[b][c] * vector[i];
    });
    return out;
  });
  return { components, variances: values.slice(0, count) };
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

async function main(): Promise<void> {
  const started = performance.now();
  const { mean, covariance, sizes } = await corpusMoments();
  const { components, variances } = topComponents(covariance, COMPONENTS);
  const totalVariance = covariance.reduce((sum, row, i) => sum + row[i], 0);
  let meanNorm = 0;
  for (const value of mean) meanNorm += value * value;
  const space = {
    about: `Fitted by bench/fit-sentence-space.ts on ${new Date().toISOString().slice(0, 10)}: the mean and top ${COMPONENTS} principal directions of USE-lite vectors over ${Object.entries(sizes)
      .map(([name, size]) => `${name} (${size})`)
      .join(", ")}, each source weighing a quarter. The mean's length is ${round5(Math.sqrt(meanNorm))}; the ${COMPONENTS} directions hold ${round5(variances.reduce((a, b) => a + b, 0) / totalVariance)} of the centred variance.`,
    mean: [...mean].map(round5),
    components: components.map((component) => [...component].map(round5)),
    variances: variances.map((value) => Math.round(value * 1e7) / 1e7),
    totalVariance: Math.round(totalVariance * 1e7) / 1e7,
  };
  // One array per line: diffable, and a fifth of the size of one number per line.
  const json = `{\n  "about": ${JSON.stringify(space.about)},\n  "mean": ${JSON.stringify(space.mean)},\n  "components": [\n${space.components.map((component) => `    ${JSON.stringify(component)}`).join(",\n")}\n  ],\n  "variances": ${JSON.stringify(space.variances)},\n  "totalVariance": ${space.totalVariance}\n}\n`;
  fs.writeFileSync(SPACE_FILE, json);
  console.log(space.about);
  console.log(`variance share of each direction: ${variances.map((value) => (value / totalVariance).toFixed(4)).join(" ")}`);
  console.log(`${Math.round((performance.now() - started) / 1000)} s`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
