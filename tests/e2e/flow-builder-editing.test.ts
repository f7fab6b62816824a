/**
 * The flow builder beyond the first build: the preview chat running the draft on the real
 * runtime, reloads that lose nothing, keyboard-only editing with undo/redo and copy/paste, and
 * imports of good and bad files on the flow list.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfirmDialogKeyboard } from "./confirm-dialog-helpers";
import { signIn, snap, useE2E } from "./harness";
import { BUILDER_VIEWPORT, card, fitView, flowFile, openStarterCopy as openCopy, readStarterDocument, saveState, selectCard } from "./builder-helpers";
import { repoRoot } from "../setup/migrate";

const e2e = useE2E();


const openStarterCopy = (name: string) => openCopy(e2e.page, name);
const panel = () => e2e.page.locator(".builder-panel");

describe("preview", () => {
  it("runs the draft on the real runtime, lights up the active step, shows what the bot understood and the handoff", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("Preview check");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await panel().getByText("I'm the Threads & Co. assistant").waitFor();
    await expect.poll(() => page.locator(".node-card.is-active").getAttribute("data-node-id")).toBe("topic");

    const composer = panel().getByRole("textbox", { name: "Message" });
    await composer.fill("Where is my order? It hasn't arrived");
    await composer.press("Enter");
    await panel().getByText("What's your 10-digit order number?").waitFor();
    await expect.poll(() => page.locator(".node-card.is-active").getAttribute("data-node-id")).toBe("ask-order-id");
    await expect(card(page, "topic").locator(".node-card.is-visited").count()).resolves.toBe(1);
    await expect(panel().locator(".preview-inspector").textContent()).resolves.toMatch(/Intentorder status\s*\d+% confident/);

    await composer.fill("4829301756");
    await composer.press("Enter");
    await panel().getByText("what's the email address on the order?").waitFor();
    await expect.poll(() => panel().locator(".preview-fields").textContent()).toContain("order id 4829301756");
    await snap(page);

    await composer.fill("I want to talk to a human");
    await composer.press("Enter");
    await panel().getByText("Handed off to Support").waitFor();
    await expect(panel().locator(".preview-handoff").textContent()).resolves.toContain("the customer asked for a person");
    await snap(page);

    // A preview is a conversation of the draft with channel "preview", pinned to a version without a number.
    const runs = await app.db.conversation.findMany({ where: { flowId }, select: { id: true, channel: true, status: true, flowVersion: { select: { number: true } } } });
    expect(runs).toEqual([{ id: runs[0].id, channel: "preview", status: "waiting", flowVersion: { number: null } }]);

    // Restart: a new run from the greeting; the old run is gone.
    await panel().getByRole("button", { name: "Restart" }).click();
    await expect.poll(() => panel().locator(".preview-handoff").count()).toBe(0);
    await expect.poll(() => page.locator(".node-card.is-active").getAttribute("data-node-id")).toBe("topic");
    const after = await app.db.conversation.findMany({ where: { flowId }, select: { id: true, status: true } });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: "bot" });
    expect(after[0].id).not.toBe(runs[0].id);
  });

  it("previews the draft as edited, before it is published", async () => {
    const { page } = e2e;
    await openStarterCopy("Preview of edits");
    await selectCard(page, "start");
    await panel().getByLabel("Greeting", { exact: true }).fill("Hello from the unpublished draft!");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await panel().getByText("Hello from the unpublished draft!").waitFor();
    const stale = panel().getByText("The flow changed since this run started.");
    await expect(stale.count()).resolves.toBe(0);
    // Editing during a run (here: adding a step from the palette) says the run is out of date.
    await page.locator('.palette-item[data-kind="message"]').click();
    await stale.waitFor();
    await snap(page);
    // A new run starts from the draft as it is now, and is up to date.
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await selectCard(page, "start");
    await panel().getByLabel("Greeting", { exact: true }).fill("Hello again");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await panel().getByText("Hello again").waitFor();
    await expect(stale.count()).resolves.toBe(0);
  });
});

describe("nothing typed is lost", () => {
  it("keeps an edit across an immediate reload and saves it", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("Reload check");
    await selectCard(page, "start");
    const greeting = panel().getByLabel("Greeting", { exact: true });
    await greeting.fill("Welcome back! What can I do for you?");
    // Reload at once: before the autosave's debounce could send anything.
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    await expect.poll(() => card(page, "start").locator(".node-text").textContent()).toBe("Welcome back! What can I do for you?");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes.find((node: { id: string }) => node.id === "start").data.greeting).toBe("Welcome back! What can I do for you?");
  });

  it("keeps edits while the server refuses them, says so, and saves once it answers again", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("Offline check");
    let failing = true;
    await page.route(`**/flows/${flowId}/draft`, (route) => (failing ? route.fulfill({ status: 429, contentType: "application/json", body: JSON.stringify({ error: { code: "rate_limited", message: "too many saves, try again shortly" } }) }) : route.continue()));
    await selectCard(page, "start");
    await panel().getByLabel("Greeting", { exact: true }).fill("Typed while the server is down");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toContain("Not saved:");
    await snap(page);
    failing = false;
    await saveState(page).getByRole("button", { name: "Retry now" }).click();
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes[0].data.greeting).toBe("Typed while the server is down");
  });

  it("refuses to overwrite a save made in another tab, and lets the person choose", async () => {
    const { page, context } = e2e;
    const flowId = await openStarterCopy("Two tabs");
    const other = await context.newPage();
    await other.goto(`/flows/${flowId}`);
    await other.locator(".react-flow__node").first().waitFor();
    await other.locator('.react-flow__node[data-id="start"] .node-card-title').click();
    await other.locator(".builder-panel").getByLabel("Greeting", { exact: true }).fill("Saved in the other tab");
    await expect.poll(() => other.locator(".save-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    await selectCard(page, "start");
    await panel().getByLabel("Greeting", { exact: true }).fill("Typed in this tab");
    await page.getByText("Someone else saved this flow").waitFor({ timeout: 10_000 });
    await snap(page);
    await page.getByRole("button", { name: "Keep mine and save" }).click();
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await e2e.app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes[0].data.greeting).toBe("Typed in this tab");
    await other.close();
  });
});

describe("the step form", () => {
  it("checks each value against the step's schema: an invalid one is shown, not applied, and not saved", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("Validation check");
    await selectCard(page, "topic");
    const first = panel().locator("details.intent-item").first();
    await first.locator("summary").click();
    const name = first.getByLabel("Intent name", { exact: true });
    await name.fill("unsure");
    await first.getByText('"unsure" is reserved for messages the bot does not understand.').waitFor();
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect.poll(() => saveState(page).textContent()).toBe('Not saved: fix Detect intent: "unsure" is reserved for messages the bot does not understand.');
    // The card keeps the last valid name: nothing invalid reaches the flow.
    await expect(card(page, "topic").locator(".node-output").first().textContent()).resolves.toBe("order status");
    await snap(page);
    await name.fill("where is it");
    await expect.poll(() => card(page, "topic").locator(".node-output").first().textContent()).toBe("where is it");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const draft = JSON.parse((await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } })).draft);
    expect(draft.nodes[1].data.intents[0].name).toBe("where_is_it");
    // The intent's connection followed the rename.
    expect(draft.edges.find((edge: { id: string }) => edge.id === "e2")).toMatchObject({ source: "topic", sourceHandle: "where_is_it", target: "ask-order-id" });
  });

  it("ranks a test phrase among the intents as typed, and says when a message is a greeting", async () => {
    const { page } = e2e;
    await openStarterCopy("Test phrases");
    await selectCard(page, "topic");
    const box = panel().getByLabel("Test a phrase", { exact: true });
    const result = panel().locator(".intent-tester-result");
    await box.fill("has my parcel been sent out yet");
    await expect.poll(() => result.locator(".intent-tester-verdict").textContent(), { timeout: 15_000 }).toBe("Goes to order status");
    await expect(result.locator(".intent-tester-ranking li").first().textContent()).resolves.toMatch(/^order status \d+%$/);
    await snap(page);
    await box.fill("hi there!");
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toBe("That is a greeting: the bot answers it and waits for the request.");
  });

  it("focuses the step of a problem clicked in the list", async () => {
    const { page } = e2e;
    await openStarterCopy("Problem focus");
    await selectCard(page, "ask-email");
    await panel().getByLabel("Question", { exact: true }).fill("");
    await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
    await fitView(page);
    await panel().getByRole("button", { name: /Write the question the bot asks\./ }).click();
    await expect.poll(() => card(page, "ask-email").locator(".node-card.is-selected").count()).toBe(1);
    await expect(panel().getByRole("heading", { name: "Ask for information" }).isVisible()).resolves.toBe(true);
    await expect(panel().getByLabel("Question", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
  });
});

describe("keyboard and clipboard", () => {
  it("adds connected steps from the keyboard, deletes with the Delete key, undoes, copies and pastes", async () => {
    const { page } = e2e;
    await openStarterCopy("Keyboard check");
    // The canvas draws only the cards in view; the minimap shows every step of the flow.
    const nodes = page.locator(".react-flow__minimap-node");
    const before = await nodes.count();

    // A step added from the keyboard lands after the selected one ("rephrase": its only output is taken)…
    await selectCard(page, "rephrase");
    await page.locator('.palette-item[data-kind="message"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await expect(panel().getByRole("heading", { name: "Send a message" }).isVisible()).resolves.toBe(true);
    await panel().getByLabel("Message", { exact: true }).fill("Typed without a mouse");
    await expect.poll(() => card(page, "message").locator(".node-text").textContent()).toBe("Typed without a mouse");
    // …and the next one is connected to the new step's free output at once.
    await page.locator('.palette-item[data-kind="end"]').focus();
    await page.keyboard.press("Space");
    await expect.poll(() => nodes.count()).toBe(before + 2);
    await expect.poll(() => page.locator('.react-flow__edge[data-testid="rf__edge-message-next"]').getAttribute("aria-label")).toBe("Edge from message to end");

    // Delete key on the selected card, then undo and redo from the keyboard.
    await card(page, "message").locator(".node-card-title").click();
    await page.keyboard.press("Delete");
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await expect(page.locator('.react-flow__edge[data-testid="rf__edge-message-next"]').count()).resolves.toBe(0);
    await page.keyboard.press("Control+z");
    await expect.poll(() => nodes.count()).toBe(before + 2);
    await expect(card(page, "message").locator(".node-text").textContent()).resolves.toBe("Typed without a mouse");
    // The restored edge is drawn a frame after its card.
    await expect.poll(() => page.locator('.react-flow__edge[data-testid="rf__edge-message-next"]').count()).toBe(1);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => nodes.count()).toBe(before + 1);
    await page.keyboard.press("Control+z");

    // Copy the two-step greeting and paste it: fresh ids, the edge between them kept.
    await fitView(page);
    await selectCard(page, "start");
    await card(page, "topic").locator(".node-card-title").click({ modifiers: ["Shift"] });
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect.poll(() => nodes.count()).toBe(before + 4);
    await expect(card(page, "start-2").count()).resolves.toBe(1);
    await expect(card(page, "intent").count()).resolves.toBe(1);
    await expect(page.locator('.react-flow__edge[data-testid="rf__edge-start-2-next"]').count()).resolves.toBe(1);
    // Two starts are a diagnostic until the copy goes.
    await expect.poll(() => card(page, "start-2").locator(".node-badge-error").getAttribute("title")).toContain("exactly one Start step");
    await snap(page);
  });
});

describe("publishing", () => {
  it("refuses while errors remain, publishes version N+1, keeps who/when, and restores an old version as the draft", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("History check");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published version 1.").waitFor();

    await selectCard(page, "start");
    await panel().getByLabel("Greeting", { exact: true }).fill("A new greeting for version 2");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published version 2.").waitFor();

    // An unconnected output is an error: publishing is refused and nothing is written.
    await page.locator('.react-flow__edge[data-testid="rf__edge-e1"]').click({ force: true });
    await page.keyboard.press("Delete");
    await expect.poll(() => page.locator(".problems-button").textContent()).toMatch(/problem/);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Not published: fix the error listed under Problems first.").waitFor();
    await expect(panel().getByText('Connect the "Next" output to the next step.').isVisible()).resolves.toBe(true);
    expect(await app.db.flowVersion.count({ where: { flowId, number: { not: null } } })).toBe(2);
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.locator(".problems-button").textContent()).toBe("No problems");

    await page.getByRole("button", { name: "Version history" }).click();
    const dialog = page.getByRole("dialog", { name: "Version history" });
    await dialog.getByText("Version 1").waitFor();
    await expect(dialog.locator(".version-item").allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Version 2Live.*Published .* by Ada Admin/),
      expect.stringMatching(/^Version 1Published .* by Ada Admin/),
    ]);
    await snap(page);
    await dialog.locator(".version-item").nth(1).getByRole("button", { name: "Restore as draft" }).click();
    await page.getByText("Version 1 is now the draft.").waitFor();
    await expect.poll(() => card(page, "start").locator(".node-text").textContent()).toContain("I'm the Threads & Co. assistant");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    await expect(page.locator(".builder-state .badge").textContent()).resolves.toBe("v2 live · unpublished changes");
  });

  it("edits the flow settings: name, default team and the global triggers", async () => {
    const { page, app } = e2e;
    const flowId = await openStarterCopy("Settings check");
    await page.getByRole("button", { name: "Flow settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Flow settings" });
    await dialog.getByLabel("Name", { exact: true }).fill("Settings checked");
    await dialog.getByLabel("Default team", { exact: true }).selectOption("billing");
    await dialog.getByRole("switch", { name: "Hand off when the bot keeps failing" }).uncheck({ force: true });
    await dialog.getByLabel("Sensitive words and phrases (one per line)", { exact: true }).fill("chargeback\nlawsuit");
    const handBack = dialog.getByLabel("When an agent hands the conversation back to the bot, say", { exact: true });
    await expect(handBack.getAttribute("placeholder")).resolves.toBe("You're back with our assistant — I'll take it from here.");
    await handBack.fill("Back with our bot now, ask away!");
    await snap(page);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.locator(".builder-name").textContent()).resolves.toBe("Settings checked");
    await expect.poll(() => saveState(page).textContent(), { timeout: 10_000 }).toBe("Saved");
    const flow = await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { name: true, draft: true } });
    expect(flow.name).toBe("Settings checked");
    const { settings } = JSON.parse(flow.draft);
    expect(settings).toMatchObject({ defaultTeam: "billing", repeatedFailure: { enabled: false }, sensitive: { terms: ["chargeback", "lawsuit"] }, handBackMessage: "Back with our bot now, ask away!" });
  });
});

describe("the flow list", () => {
  it("renames, duplicates, deletes an unused flow, and archives (then restores) one customers talked to", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    await page.getByRole("button", { name: "New flow" }).click();
    await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).waitFor();
    // The dialog opens on its first field, not on its Close button.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("name");
    await snap(page);
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

    const row = (name: string) => page.locator(".flow-table tbody tr", { hasText: name });
    await page.getByRole("button", { name: "Rename Refunds and returns" }).click();
    await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill("Returns & refunds");
    await page.getByRole("dialog").getByRole("button", { name: "Save name" }).click();
    await page.getByText("Renamed to Returns & refunds").waitFor();
    await expect.poll(() => row("Returns & refunds").first().textContent()).toContain("/chat/refunds-and-returns");
    // A name is metadata, not content: the renamed flow is still live as published, nothing to publish.
    await expect(row("Returns & refunds").first().locator(".flow-status").innerText()).resolves.toMatch(/^Published v\d+$/);

    await page.getByRole("button", { name: "Duplicate Returns & refunds" }).click();
    await page.getByText("Created Returns & refunds (copy)").waitFor();
    await expect.poll(() => row("Returns & refunds (copy)").locator(".badge").textContent()).toBe("Draft");
    // A published flow's chat address opens its chat page; a draft has none to open.
    const chatLink = page.getByRole("link", { name: "/chat/refunds-and-returns: open the chat page of Returns & refunds (new tab)" });
    await expect(chatLink.getAttribute("href")).resolves.toBe("/chat/refunds-and-returns");
    await expect(chatLink.getAttribute("target")).resolves.toBe("_blank");
    await expect(row("Returns & refunds (copy)").getByRole("link", { name: /open the chat page/ }).count()).resolves.toBe(0);

    const confirm = page.getByRole("dialog", { name: "Delete “Returns & refunds (copy)”?" });
    await checkConfirmDialogKeyboard(page, page.getByRole("button", { name: "Delete Returns & refunds (copy)" }), confirm, /^Nobody has talked to this flow yet\..*This cannot be undone\.$/);
    await expect(row("Returns & refunds (copy)").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Delete Returns & refunds (copy)" }).click();
    await confirm.getByText("This cannot be undone.").waitFor();
    await confirm.getByRole("button", { name: "Delete flow" }).click();
    await page.getByText("Flow deleted").waitFor();
    await expect.poll(() => row("Returns & refunds (copy)").count()).toBe(0);

    // A customer talks to the store flow; deleting it archives it instead, and its chat page stops taking new conversations.
    const started = await page.request.post("/api/chat/store-support/conversations", { data: {} });
    expect(started.status()).toBe(201);
    await page.reload();
    await expect(row("Store support").locator(".cell-number").textContent()).resolves.toBe("1");
    await page.getByRole("button", { name: "Delete Store support" }).click();
    const archive = page.getByRole("dialog", { name: "Archive “Store support”?" });
    await archive.getByText("1 conversation ran on this flow").waitFor();
    await snap(page);
    await archive.getByRole("button", { name: "Archive flow" }).click();
    await page.getByText("Flow archived").waitFor();
    await expect.poll(() => row("Store support").locator(".badge").textContent()).toBe("Archived");
    expect(await app.db.conversation.count({ where: { flow: { slug: "store-support" } } })).toBe(1);
    expect((await page.request.post("/api/chat/store-support/conversations", { data: {} })).status()).toBe(404);
    await row("Store support").getByRole("button", { name: "Restore" }).click();
    await page.getByText("Flow restored").waitFor();
    expect((await page.request.post("/api/chat/store-support/conversations", { data: {} })).status()).toBe(201);
  });
});

describe("import and export", () => {
  it("lists every error of a bad file with its step and imports nothing", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    const flowsBefore = await app.db.flow.count();
    const document = readStarterDocument();
    document.slug = "imported-bad";
    document.nodes[1].kind = "telepathy";
    document.nodes[3].data.type = "shoe size";
    document.nodes[3].data.colour = "blue";
    const file = flowFile("bad-flow.json", document);
    await page.getByLabel("Import a flow file (.json)").setInputFiles(file);
    await page.getByRole("heading", { name: "Nothing was imported" }).waitFor();
    const rows = await page.locator(".import-problems tbody tr").allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^Step “topic”.*Unknown node kind "telepathy"/),
      expect.stringMatching(/^Step “ask-order-id”type.*Must be one of: text, email, phone, number, pattern, choice, date, yesno\./),
      expect.stringMatching(/^Step “ask-order-id”colour.*Unknown field "colour"\./),
    ]);
    await snap(page);
    expect(await app.db.flow.count()).toBe(flowsBefore);

    // The same file fixed imports as a new draft, and exports back byte for byte.
    const good = readStarterDocument();
    good.slug = "imported-good";
    good.name = "Imported store support";
    await page.getByLabel("Import a flow file (.json)").setInputFiles(flowFile("good-flow.json", good));
    await page.getByText("Imported Imported store support as a new draft").waitFor();
    const imported = await app.db.flow.findUniqueOrThrow({ where: { slug: "imported-good" }, select: { id: true } });
    const exported = await page.request.get(`/flows/${imported.id}/export`);
    expect(exported.headers()["content-disposition"]).toBe('attachment; filename="imported-good.json"');
    const original = fs.readFileSync(path.join(repoRoot, "flows/store-support.json"), "utf8");
    expect(await exported.text()).toBe(original.replace('"name": "Store support"', '"name": "Imported store support"').replace('"slug": "store-support"', '"slug": "imported-good"'));
  });

  it("asks before a file replaces an existing flow's draft: Cancel changes nothing, then a copy, then the replacement", async () => {
    const { page, app } = e2e;
    await page.setViewportSize(BUILDER_VIEWPORT);
    await signIn(page, "admin@baton.local");
    await page.goto("/flows");
    const draftOf = () => app.db.flow.findUniqueOrThrow({ where: { slug: "store-support" }, select: { name: true, draft: true } });
    const before = await draftOf();
    const flowsBefore = await app.db.flow.count();
    const document = readStarterDocument();
    document.name = "Store support from git";
    const file = flowFile("store-support.json", document);
    const steps = `${document.nodes.length} steps`;
    const ask = page.getByRole("dialog", { name: "Replace the draft of “Store support”?" });

    await page.getByLabel("Import a flow file (.json)").setInputFiles(file);
    await ask.getByText(`Replacing puts the file’s ${steps} in place of the draft’s ${steps}.`).waitFor();
    // The safe choice has the focus: Enter cancels.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Cancel");
    await snap(page);
    await ask.getByRole("button", { name: "Cancel" }).click();
    await ask.waitFor({ state: "hidden" });
    expect(await draftOf()).toEqual(before);
    expect(await app.db.flow.count()).toBe(flowsBefore);

    // Cancel cleared the picker: the same file again asks again.
    await page.getByLabel("Import a flow file (.json)").setInputFiles(file);
    await ask.getByRole("button", { name: "Import as a new flow" }).click();
    await page.getByText("Imported Store support from git (imported) as a new draft").waitFor();
    await ask.waitFor({ state: "hidden" });
    expect(await draftOf()).toEqual(before);
    expect(await app.db.flow.findUniqueOrThrow({ where: { slug: "store-support-imported" }, select: { name: true } })).toEqual({ name: "Store support from git (imported)" });

    await page.getByLabel("Import a flow file (.json)").setInputFiles(file);
    await ask.getByRole("button", { name: "Replace the draft" }).click();
    await page.getByText("Replaced the draft of Store support from git with store-support.json").waitFor();
    expect((await draftOf()).name).toBe("Store support from git");
  });
});
