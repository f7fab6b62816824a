import { describe, expect, it } from "vitest";
import { validateAnswer } from "~/nodes/collect/validate";
import { evaluateCondition } from "~/nodes/condition/evaluate";
import { checkPattern, matchPattern, MAX_PATTERN_INPUT_CHARS } from "~/nodes/shared/pattern";

const EVIL_INPUT = `${"a".repeat(40)}!`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe("builder-written patterns", () => {
  it("match in linear time: a catastrophic-backtracking pattern answers at once", () => {
    // V8's RegExp needs ~2^40 steps here (hours); RE2 one pass over 41 characters. The bound is
    // loose because the machine is shared; the engine is loaded first so only matching is timed.
    expect(matchPattern("warm", "^w")).toBe("w");
    const collect = timed(() => validateAnswer(EVIL_INPUT, { field: "code", type: "pattern", pattern: "(a+)+$", choices: [] }));
    expect(collect.value.ok).toBe(false);
    const condition = timed(() => evaluateCondition(EVIL_INPUT, "matches", "(a|aa)+$"));
    expect(condition.value).toBe(false);
    expect(collect.ms + condition.ms).toBeLessThan(500);
  });

  it("keep JavaScript semantics users write: case-insensitive, unicode, first match", () => {
    expect(matchPattern("order ABC-1234 please", "[a-z]{3}-\\d{4}")).toBe("ABC-1234");
    expect(matchPattern("É", "^é$")).toBe("É");
    expect(matchPattern("2026", "^(?<year>\\d{4})$")).toBe("2026");
    expect(matchPattern("nothing", "\\d+")).toBeNull();
  });

  it("refuse texts over the length cap without matching", () => {
    expect(matchPattern("a".repeat(MAX_PATTERN_INPUT_CHARS), "^a+$")).not.toBeNull();
    expect(matchPattern("a".repeat(MAX_PATTERN_INPUT_CHARS + 1), "^a+$")).toBeNull();
  });

  it("are checked for what the linear-time engine cannot run, with a clear message", () => {
    expect(checkPattern("^\\d{5}(?:-\\d{4})?$")).toBeNull();
    expect(checkPattern("[(?=]\\(?=")).toBeNull();
    expect(checkPattern("(?=a)b")).toMatch(/lookahead and lookbehind/);
    expect(checkPattern("(?<!x)y")).toMatch(/lookahead and lookbehind/);
    expect(checkPattern("(a)\\1")).toMatch(/back-references/);
    expect(checkPattern("(?<n>a)\\k<n>")).toMatch(/back-references/);
    expect(checkPattern("[")).toMatch(/Invalid regular expression/);
  });

  it("never match when the engine cannot compile them (a pattern that slipped past the check)", () => {
    expect(matchPattern("α", "\\p{Script=Greek}")).toBeNull();
  });
});

describe("before the server installs RE2", () => {
  it("matches nothing rather than falling back to the backtracking engine", async () => {
    const { installPatternMatcher } = await import("~/nodes/shared/pattern");
    const { installRe2Patterns } = await import("~/nodes/shared/pattern-match.server");
    installPatternMatcher(() => null);
    try {
      expect(matchPattern("ABC-1234", "[A-Z]+-\\d+")).toBeNull();
    } finally {
      installRe2Patterns();
    }
    expect(matchPattern("ABC-1234", "[A-Z]+-\\d+")).toBe("ABC-1234");
  });
});
