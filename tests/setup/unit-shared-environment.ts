import { afterAll } from "vitest";

// The unit files share one module environment (isolate: false, tests/vitest.config.mts): what a
// file leaves on the process is there for the files after it in the same worker, in an order that
// changes from run to run. Browser globals are the dangerous kind: app modules decide at import
// whether they run in a browser (`typeof window`), so a `window` left behind changed how a module
// imported later behaved. A file that leaves one fails here, itself, every time.
const BROWSER_GLOBALS = ["window", "document", "navigator", "localStorage", "sessionStorage", "getComputedStyle", "matchMedia", "ResizeObserver", "requestAnimationFrame"];

const globalsAtStart = new Map(BROWSER_GLOBALS.map((name) => [name, Reflect.get(globalThis, name)]));
const envAtStart = process.env;
const cwdAtStart = process.cwd();

afterAll(() => {
  const changed = BROWSER_GLOBALS.filter((name) => Reflect.get(globalThis, name) !== globalsAtStart.get(name));
  if (process.env !== envAtStart) changed.push("process.env (replaced; use vi.stubEnv and vi.unstubAllEnvs)");
  if (process.cwd() !== cwdAtStart) changed.push(`the working directory (${process.cwd()})`);
  if (changed.length > 0) throw new Error(`This file left changed for the next files in its worker: ${changed.join(", ")}. Restore it (vi.stubGlobal and vi.unstubAllGlobals in afterEach).`);
});
