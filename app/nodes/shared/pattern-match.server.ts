/**
 * Matches builder-written patterns in RE2 (re2-wasm: no native build, linear time in the input),
 * never in V8's backtracking engine: `(a+)+$` against "aaaa…!" takes microseconds here and would
 * pin the event loop for minutes in `RegExp`. Compiled patterns are cached; an evicted one frees
 * its WebAssembly memory explicitly (the garbage collector cannot see it).
 */
import { RE2 } from "re2-wasm";
import { LruCache } from "~/utils/lru";
import { installPatternMatcher } from "./pattern";

type Compiled = RE2 | null;

// `wrapper` is the embind handle the RE2 object owns; re2-wasm has no public way to free it.
function free(compiled: Compiled): void {
  (compiled as unknown as { wrapper?: { delete(): void } } | null)?.wrapper?.delete();
}

const compiledPatterns = new LruCache<string, Compiled>(256, free);

function compile(pattern: string): Compiled {
  const cached = compiledPatterns.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: Compiled = null;
  try {
    compiled = new RE2(pattern, "iu");
  } catch {
    // Diagnostics refuse what RE2 cannot compile where they can; at run time it simply never matches.
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

function matchInRe2(text: string, pattern: string): string | null {
  const match = compile(pattern)?.exec(text);
  return match ? (match[0] ?? null) : null;
}

/** Makes node behaviours match patterns in RE2 (see pattern.ts); the runtime calls it as it loads. */
export function installRe2Patterns(): void {
  installPatternMatcher(matchInRe2);
}
