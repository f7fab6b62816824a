/**
 * `npm run -s nlu -- eval` and `npm run -s kb -- eval` run as a user runs them (a child
 * process) on tiny fixture files: one JSON line with the documented fields on stdout, and bad
 * arguments or files exit 1 with a message that says what is wrong, printing no result.
 * The commands share one child process (tests/support/cli-host.ts); each tool's entry point is
 * also run as its own process once.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIN_SCORE } from "~/nodes/kb/schema";
import { repoRoot, tmpDir } from "../setup/migrate";
import { runCliProcess, startCliHost, type CliHost, type CliRun } from "../support/cli-host";

const nluFixtures = path.join(repoRoot, "tests/fixtures/nlu");
const kbFixtures = path.join(repoRoot, "tests/fixtures/kb-eval");
const nluFile = (name: string) => path.join(nluFixtures, `${name}.json`);
const kbFile = (name: string) => path.join(kbFixtures, `${name}.json`);
const badFile = path.join(tmpDir, `eval-cli-bad-${process.pid}.json`);
fs.writeFileSync(badFile, JSON.stringify([{ text: "missing its intent" }]));

let host: CliHost;
beforeAll(() => {
  host = startCliHost();
});
afterAll(async () => {
  await host.close();
  fs.rmSync(badFile, { force: true });
});

/** Exit 1, nothing on stdout (no result to mistake for one), and the reason on stderr. */
function expectRefused({ code, stdout, stderr }: CliRun, message: RegExp): void {
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toMatch(message);
}

const expectRefusal = async (cli: "nlu" | "kb", args: string[], message: RegExp) => expectRefused(await host.run(cli, args), message);

/** Exit 0, nothing on stderr, and exactly one JSON line on stdout: the result. */
function resultOf({ code, stdout, stderr }: CliRun): Record<string, unknown> {
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

const runToResult = async (cli: "nlu" | "kb", args: string[]) => resultOf(await host.run(cli, args));

const fraction = expect.toSatisfy((value: unknown) => typeof value === "number" && value >= 0 && value <= 1);
const milliseconds = expect.toSatisfy((value: unknown) => typeof value === "number" && value >= 0);

describe("nlu eval", () => {
  const files = ["--train", nluFile("train"), "--val", nluFile("val"), "--test", nluFile("test")];

  it.each(["3", "all"])("prints one JSON line with every metric (--shots %s)", async (shots) => {
    const result = await runToResult("nlu", ["eval", ...files, "--shots", shots]);
    expect(result).toMatchObject({
      inScopeAccuracy: fraction,
      oosRecall: fraction,
      oosPrecision: fraction,
      oosF1: fraction,
      threshold: fraction,
      ece: fraction,
      trainMs: milliseconds,
      p50Ms: milliseconds,
      p99Ms: milliseconds,
    });
    expect(result.p99Ms as number).toBeGreaterThanOrEqual(result.p50Ms as number);
    // Three clearly different intents: the classifier gets most in-scope test rows right.
    expect(result.inScopeAccuracy as number).toBeGreaterThanOrEqual(2 / 3);
    expect(result.reliability).toHaveLength(10);
    expect(result.byHalf).toMatchObject({ "a-m": { inScopeAccuracy: fraction, ece: fraction }, "n-z": { inScopeAccuracy: fraction, ece: fraction } });
  });

  it.each([
    [[], /usage: npm run -s nlu -- eval/],
    [["train"], /unknown command "train"/],
    [["eval", "--train", nluFile("train"), "--val", nluFile("val"), "--shots", "3"], /usage:.*--test FILE/],
    [["eval", ...files, "--shots", "0"], /usage:.*--shots K\|all/],
    [["eval", ...files, "--shots", "many"], /usage:.*--shots K\|all/],
    [["eval", ...files, "--shots", "3", "--folds", "5"], /Unknown option '--folds'/],
    [["eval", "--train", path.join(nluFixtures, "missing.json"), "--val", nluFile("val"), "--test", nluFile("test"), "--shots", "3"], /nlu eval failed: .*ENOENT.*missing\.json/],
    [["eval", "--train", badFile, "--val", nluFile("val"), "--test", nluFile("test"), "--shots", "3"], /nlu eval failed: .*eval-cli-bad-\d+\.json: row 1, intent: Invalid input: expected string/],
  ])("refuses %j with exit 1 and a clear message", (args, message) => expectRefusal("nlu", args, message));

  it("refuses bad arguments as its own process too: exit 1, the usage on stderr", () => {
    expectRefused(runCliProcess("nlu", ["eval", ...files, "--shots", "0"]), /usage:.*--shots K\|all/);
  });
});

describe("nlu small-flows", () => {
  const files = ["--train", nluFile("small-flows-train"), "--test", nluFile("small-flows-test")];
  const score = {
    routedRight: fraction,
    unrelatedTaken: fraction,
    ece: fraction,
    inScope: expect.any(Number),
    unrelated: expect.any(Number),
    unrelatedTakenBySource: { oos: fraction, sameHalf: fraction, otherHalf: fraction },
    inScopeMissed: { wrongIntent: fraction, notSureTopRight: fraction, notSureTopWrong: fraction },
  };

  it("prints one JSON line: routed right, unrelated taken and ECE per half of the intents, at the intent step's default threshold", async () => {
    const result = await runToResult("nlu", ["small-flows", ...files, "--trials", "2", "--no-peers"]);
    expect(result).toMatchObject({ threshold: 0.7, examplesPerIntent: 6, trialsPerSize: 2 });
    type Score = { routedRight: number; unrelatedTaken: number; inScopeMissed: { wrongIntent: number; notSureTopRight: number; notSureTopWrong: number } };
    const [baton] = result.results as { name: string; halves: Record<string, Score & { bySize: Record<string, unknown> }>; p99Ms: number; p99CpuMs: number }[];
    expect(result.results).toHaveLength(1);
    expect(baton.name).toBe("Baton (embedded)");
    for (const half of ["a-m", "n-z"]) {
      expect(baton.halves[half]).toMatchObject(score);
      // Two intents per half in the fixture: only two-intent trials; per trial 2 × 3 in-scope test
      // phrases and half as many unrelated ones (2 out-of-scope rows, 2 phrases of the other half).
      expect(Object.keys(baton.halves[half].bySize)).toEqual(["2"]);
      expect(baton.halves[half]).toMatchObject({ inScope: 12, unrelated: 8 });
      // Clearly different intents and unrelated questions: most routed right, few taken.
      expect(baton.halves[half].routedRight).toBeGreaterThanOrEqual(2 / 3);
      expect(baton.halves[half].unrelatedTaken).toBeLessThanOrEqual(1 / 3);
      // Every in-scope message is routed right or missed one of three ways.
      const { routedRight, inScopeMissed } = baton.halves[half];
      expect(routedRight + inScopeMissed.wrongIntent + inScopeMissed.notSureTopRight + inScopeMissed.notSureTopWrong).toBeCloseTo(1, 3);
    }
    expect(baton.p99CpuMs).toEqual(milliseconds);
  });

  it.each([
    [["small-flows", "--train", nluFile("small-flows-train")], /nlu -- small-flows --train FILE --test FILE/],
    [["small-flows", ...files, "--trials", "0"], /small-flows .*--trials N/],
  ])("refuses %j with exit 1 and a clear message", (args, message) => expectRefusal("nlu", args, message));
});

describe("kb eval", () => {
  it("prints one JSON line with Baton's retrieval metrics, what the kb node does at its default minScore, and the plain BM25 baseline's", async () => {
    const result = await runToResult("kb", ["eval", "--articles", kbFile("articles"), "--questions", kbFile("questions")]);
    expect(result).toMatchObject({
      recallAt1: fraction,
      recallAt3: fraction,
      mrr: fraction,
      p99Ms: milliseconds,
      minScore: DEFAULT_MIN_SCORE,
      answeredRight: fraction,
      answeredWrong: fraction,
      refused: fraction,
      answeredUnanswerable: fraction,
      ece: fraction,
      suggestedRight: fraction,
      suggestedUnanswerable: fraction,
      semantic: true,
      perQuestion: { p50Ms: milliseconds, p99Ms: milliseconds, p50CpuMs: milliseconds, p99CpuMs: milliseconds },
      questions: 5,
      unanswerable: 1,
      articles: 3,
      exampleQuestions: 0,
      baseline: { name: expect.stringContaining("BM25"), recallAt1: fraction, recallAt3: fraction, mrr: fraction, p99Ms: milliseconds },
    });
    expect(result.recallAt3 as number).toBeGreaterThanOrEqual(result.recallAt1 as number);
    // Three articles: every question's article is within the top 3 for Baton.
    expect(result.recallAt3).toBe(1);
    // Each answerable question is answered right, answered wrong or refused.
    expect((result.answeredRight as number) + (result.answeredWrong as number) + (result.refused as number)).toBeCloseTo(1, 3);
    // Suggestions are offered only for refused questions.
    expect(result.suggestedRight as number).toBeLessThanOrEqual(result.refused as number);
  });

  it("reads articles' example questions and counts them", async () => {
    const articles = JSON.parse(fs.readFileSync(kbFile("articles"), "utf8")) as Array<{ id: string }>;
    const withQuestions = path.join(tmpDir, `eval-cli-questions-${process.pid}.json`);
    fs.writeFileSync(withQuestions, JSON.stringify(articles.map((article) => (article.id === "refunds" ? { ...article, questions: ["when will my money come back", "refund timing"] } : article))));
    try {
      const result = await runToResult("kb", ["eval", "--articles", withQuestions, "--questions", kbFile("questions")]);
      expect(result).toMatchObject({ exampleQuestions: 2, articles: 3, questions: 5, recallAt3: 1 });
    } finally {
      fs.rmSync(withQuestions, { force: true });
    }
  });

  it("--lexical ranks without sentence vectors (the command as its own process)", () => {
    const result = resultOf(runCliProcess("kb", ["eval", "--articles", kbFile("articles"), "--questions", kbFile("questions"), "--lexical"]));
    expect(result).toMatchObject({ semantic: false, questions: 5, recallAt3: 1 });
  });

  it("with --answers, adds how often the answer shown contains the labelled answer, before and after issue #4", async () => {
    const result = await runToResult("kb", ["eval", "--articles", kbFile("articles"), "--questions", kbFile("questions"), "--answers", kbFile("answers")]);
    const rates = { all: { contained: expect.any(Number), of: 3, rate: fraction }, dev: { of: 2 }, test: { of: 1 } };
    expect(result.answers).toMatchObject({
      questions: 3,
      baton: { givenArticle: rates, endToEnd: rates, startsMidSentence: expect.any(Number), meanChars: expect.any(Number) },
      beforeIssue4: { givenArticle: rates, endToEnd: rates },
    });
    const answers = result.answers as { baton: { givenArticle: { all: { contained: number } }; startsMidSentence: number }; beforeIssue4: { startsMidSentence: number } };
    // The fixture's "$8.00" and "Threads & Co." trip the old splitter, not wink's sentence boundaries.
    expect(answers.baton.givenArticle.all.contained).toBe(3);
    expect(answers.baton.startsMidSentence).toBe(0);
    expect(answers.beforeIssue4.startsMidSentence).toBeGreaterThan(0);
  });

  it.each([
    [["eval", "--articles", kbFile("articles")], /usage: npm run -s kb -- eval --articles FILE --questions FILE/],
    [["eval", "--articles", kbFile("articles"), "--questions", kbFile("questions"), "--answers", kbFile("questions")], /kb eval failed: .*questions\.json: .*Invalid input/],
    [["eval", "--articles", kbFile("articles"), "--questions", kbFile("questions"), "--top", "3"], /Unknown option '--top'/],
    [["eval", "--articles", kbFile("articles"), "--questions", kbFile("articles")], /kb eval failed: .*articles\.json: row 1, question: Invalid input/],
    [["eval", "--articles", kbFile("questions"), "--questions", kbFile("questions")], /kb eval failed: .*questions\.json: row 1, id: Invalid input/],
    [["eval", "--articles", path.join(kbFixtures, "missing.json"), "--questions", kbFile("questions")], /kb eval failed: .*ENOENT/],
  ])("refuses %j with exit 1 and a clear message", (args, message) => expectRefusal("kb", args, message));

  it("refuses a question about an article that is not in the articles file", async () => {
    const questions = path.join(tmpDir, `eval-cli-questions-${process.pid}.json`);
    fs.writeFileSync(questions, JSON.stringify([{ question: "how do I fly", articleId: "flying" }]));
    try {
      await expectRefusal("kb", ["eval", "--articles", kbFile("articles"), "--questions", questions], /question "how do I fly" points to unknown article flying/);
    } finally {
      fs.rmSync(questions, { force: true });
    }
  });
});
