/** axe-core in the page, for the browser tests that check a surface's accessibility (accessibility.test.ts and others). */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { snap } from "./harness";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core"), "utf8");

type Violation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> };

/** Runs axe-core on the page as it is now; returns the serious and critical WCAG 2.1 A/AA violations, one line per element. */
export async function audit(page: Page): Promise<string[]> {
  await snap(page);
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy (script-src 'self' + nonce) rightly refuses an injected inline script.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${new URL(page.url()).pathname} ${violation.id} (${violation.help}): ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`));
}
