/**
 * The subset of JSONPath a response mapping needs: `$`, `.name`, `['name']` / `["name"]` and
 * `[index]` (negative counts from the end). No filters or wildcards: a mapping names one value.
 */
export type PathSegment = string | number;

export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*/;

export function parseJsonPath(path: string): ParsedPath {
  const text = path.trim();
  if (!text.startsWith("$")) return { ok: false, error: "A path starts with $ (e.g. $.order.status)" };
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < text.length) {
    if (text[at] === ".") {
      const name = NAME.exec(text.slice(at + 1));
      if (!name) return { ok: false, error: `Expected a name after "." at position ${at + 1}` };
      segments.push(name[0]);
      at += 1 + name[0].length;
      continue;
    }
    if (text[at] === "[") {
      const index = /^\[\s*(-?\d+)\s*\]/.exec(text.slice(at));
      if (index) {
        segments.push(Number(index[1]));
        at += index[0].length;
        continue;
      }
      const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(text.slice(at));
      if (quoted) {
        segments.push(quoted[2].replace(/\\(.)/g, "$1"));
        at += quoted[0].length;
        continue;
      }
      return { ok: false, error: `Expected [number] or ['name'] at position ${at + 1}` };
    }
    return { ok: false, error: `Unexpected "${text[at]}" at position ${at + 1}` };
  }
  return { ok: true, segments };
}

/** The value at `segments`, or undefined when any step is missing. Own properties only. */
export function readJsonPath(value: unknown, segments: PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment < 0 ? current.length + segment : segment];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
