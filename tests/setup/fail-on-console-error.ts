import { afterEach, vi } from "vitest";

// An unexpected console.error is a bug the test did not assert on: fail the test.
const calls: unknown[][] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  calls.push(args);
});
afterEach(() => {
  if (calls.length === 0) return;
  const logged = calls.map((args) => args.map(String).join(" ")).join("\n");
  calls.length = 0;
  throw new Error(`console.error was called:\n${logged}`);
});
