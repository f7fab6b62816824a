/**
 * Patterns written in the builder (a collect step's "pattern" type, a condition's `matches`) run
 * on the server in RE2 (`pattern-match.server.ts`), a linear-time engine, so no pattern and no
 * customer text can make a match backtrack for seconds. The builder writes JavaScript syntax;
 * this check runs in the browser and on the server alike and refuses what RE2 cannot run.
 *
 * Node behaviours reach the matcher through `matchPattern` here: the server installs RE2 when it
 * loads the runtime (`installRe2Patterns`). The node folders are also part of the browser bundle
 * (the builder reads the registry), which must not carry RE2's WebAssembly; until a matcher is
 * installed nothing matches, so a pattern can never fall back to the backtracking engine.
 */

/** Longer texts are refused without matching: a pattern field is an answer, not an essay. */
export const MAX_PATTERN_INPUT_CHARS = 1000;

const LOOKAROUND = /^\(\?<?[=!]/;

/** The first construct RE2 has no linear-time algorithm for, or null. Skips escapes and classes. */
function findUnsupported(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<"))) {
        return "back-references (\\1, \\k<name>) are not supported";
      }
      i++;
    } else if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
    } else if (char === "(" && LOOKAROUND.test(pattern.slice(i, i + 4))) {
      return "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported";
    }
  }
  return null;
}

/** Returns an error message when `pattern` is not a usable pattern, or null. */
export function checkPattern(pattern: string): string | null {
  try {
    new RegExp(pattern, "iu");
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return findUnsupported(pattern);
}

export type PatternMatcher = (text: string, pattern: string) => string | null;

let installed: PatternMatcher = () => null;

export function installPatternMatcher(matcher: PatternMatcher): void {
  installed = matcher;
}

/** The first match of `pattern` in `text` (case-insensitive), or null; over-long texts never match. */
export function matchPattern(text: string, pattern: string): string | null {
  return text.length > MAX_PATTERN_INPUT_CHARS ? null : installed(text, pattern);
}

export function testPattern(text: string, pattern: string): boolean {
  return matchPattern(text, pattern) !== null;
}
