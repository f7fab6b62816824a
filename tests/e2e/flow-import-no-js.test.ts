/**
 * Importing a flow file whose flow already exists, in a browser with JavaScript off: the conflict
 * dialog needs JavaScript, so the page itself asks, with the same three choices as plain form
 * submits — Cancel writes nothing, then a copy, then the replacement.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { flowFile, readStarterDocument } from "./builder-helpers";
import { SCREENSHOT_DIR, signIn, useE2E } from "./harness";

const e2e = useE2E();

// The harness's own screenshots wait on a script in the page, which never runs here: plain captures instead.
let shots = 0;
const shoot = (page: Page) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `import-conflict-without-javascript-${(shots += 1)}.png`) });

describe("importing a flow without JavaScript", () => {
  it("asks on the page before a file replaces a draft: Cancel changes nothing, then a copy, then the replacement", async () => {
    const { app } = e2e;
    const context = await e2e.browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, "admin@baton.local");
      await page.goto("/flows");
      const draftOf = () => app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { name: true, draft: true } });
      const before = await draftOf();
      const flowsBefore = await app.db.flow.count();
      const document = readStarterDocument();
      document.name = "Store support from git";
      const file = flowFile("store-support.json", document);
      const steps = `${document.nodes.length} steps`;
      const upload = async () => {
        await page.getByLabel("Import a flow file (.json)").setInputFiles(file);
        await page.getByRole("button", { name: "Upload" }).click();
      };
      const question = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Replace the draft of “Store support”?" }) });

      await upload();
      await question.getByText(`Replacing puts the file’s ${steps} in place of the draft’s ${steps}.`).waitFor();
      await question.getByText("store-support.json is a version of this flow (same address). Nothing was imported yet.").waitFor();
      await shoot(page);
      await question.getByRole("button", { name: "Cancel" }).click();
      await page.waitForURL((url) => url.pathname === "/flows");
      await page.getByRole("heading", { name: "Flows", level: 1 }).waitFor();
      expect(await question.count()).toBe(0);
      expect(await draftOf()).toEqual(before);
      expect(await app.db.flow.count()).toBe(flowsBefore);

      await upload();
      await question.getByRole("button", { name: "Import as a new flow" }).click();
      await page.getByText("Imported Store support from git (imported) as a new draft").waitFor();
      expect(await question.count()).toBe(0);
      expect(await draftOf()).toEqual(before);
      expect(await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support-imported" }, select: { name: true } })).toEqual({ name: "Store support from git (imported)" });

      await upload();
      await question.getByRole("button", { name: "Replace the draft" }).click();
      await page.getByText("Replaced the draft of Store support from git with store-support.json").waitFor();
      await shoot(page);
      expect((await draftOf()).name).toBe("Store support from git");
      expect(await app.db.flow.count()).toBe(flowsBefore + 1);
    } finally {
      await context.close();
    }
  });
});
