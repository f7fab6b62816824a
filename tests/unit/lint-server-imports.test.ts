import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, ".ci/eslint.config.mjs") });

async function lint(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.map((message) => message.ruleId);
}

// Remix empties server modules in the browser bundle, so such an import builds and ships `undefined`.
describe("the lint rule against server modules in browser code", () => {
  const valueImport = 'import { claimConversation } from "~/inbox/actions.server";\nexport const claim = claimConversation;\n';

  it("refuses a value import of a *.server module in a component", async () => {
    expect(await lint("app/inbox/components/conversation-actions.tsx", valueImport)).toContain("no-restricted-imports");
  });

  it("allows type imports there, and value imports in server modules and routes", async () => {
    const typeImport = 'import type { claimConversation } from "~/inbox/actions.server";\nexport type Claim = typeof claimConversation;\n';
    expect(await lint("app/inbox/components/conversation-actions.tsx", typeImport)).not.toContain("no-restricted-imports");
    expect(await lint("app/inbox/queues.server.ts", valueImport)).not.toContain("no-restricted-imports");
    expect(await lint("app/routes/_app.inbox.$conversationId.tsx", valueImport)).not.toContain("no-restricted-imports");
  });
});
