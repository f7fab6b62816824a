import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, ".ci/eslint.config.mjs") });

async function lint(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages.map((message) => message.ruleId);
}

// The first lint loads the config and the TypeScript parser: seconds on a busy machine, once per file.
beforeAll(async () => {
  await lint("app/utils/lru.ts", "export {};\n");
}, 60_000);

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

describe("the lint rule against the engines in browser code", () => {
  it("refuses an engine module in a component, allows its JSON model and its types", async () => {
    expect(await lint("app/nodes/kb/editor.tsx", 'import { KnowledgeIndex } from "~/engines/local/knowledge-index";\nexport const index = KnowledgeIndex;\n')).toContain("no-restricted-imports");
    expect(await lint("app/nodes/kb/schema.ts", 'import model from "~/engines/local/kb-confidence-model.json";\nexport const m = model;\n')).not.toContain("no-restricted-imports");
    expect(await lint("app/nodes/kb/editor.tsx", 'import type { KnowledgeIndex } from "~/engines/local/knowledge-index";\nexport type I = KnowledgeIndex;\n')).not.toContain("no-restricted-imports");
  });
});
