/**
 * Two production instances on one throwaway PostgreSQL database, as behind a load balancer with no
 * sticky sessions: the customer chats on instance A, Ana works the inbox on instance B, and every
 * live update crosses between them (LISTEN/NOTIFY). Then A is killed (SIGKILL) in the middle of a
 * run of customer turns: every acknowledged turn is stored exactly once, the unacknowledged ones
 * are retried on B with the same clientMessageId, and the customer's chat continues on B. A
 * restarted instance then takes a new customer's handoff, and Ana's queue on B shows it live.
 *
 * The chat cookie is scoped to the host (127.0.0.1), not the port, so the customer's browser
 * context carries the same conversation to B's URL — as it would behind one proxy address.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PostgresCluster } from "~/utils/postgres-cluster.server";
import { repoRoot } from "../setup/migrate";
import { markAgentOnline, openBrowser, openPage, signIn, snap, startApp, type App, type TestPage } from "./harness";
import { DESK, PHONE, askForPerson, conversationIdOf, row, say } from "./inbox-helpers";

const SESSION_SECRET = "one-secret-shared-by-both-instances";
const HAND_BACK_LINE = "You're back with our assistant — I'll take it from here.";

let cluster: PostgresCluster;
let a: App;
let b: App;
let restarted: App | undefined;
let browser: Browser;
let appOptions: { databaseUrl: string; env: Record<string, string> };

beforeAll(async () => {
  cluster = await startPostgresCluster();
  // Migrated and seeded once, as the first instance's `npm start` would (under its advisory lock).
  execFileSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["app/cli/prepare-database.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: cluster.url, BATON_DEMO_HISTORY: "off" },
    stdio: "pipe",
  });
  appOptions = { databaseUrl: cluster.url, env: { SESSION_SECRET } };
  [a, b] = await Promise.all([startApp(appOptions), startApp(appOptions)]);
  browser = await openBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop(), restarted?.stop()]);
  cluster?.stop();
});

type Conversation = { id: string; token: string };

async function chatCookie(page: TestPage["page"]): Promise<Conversation> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "baton_chat_store-support");
  if (!cookie) throw new Error("no chat cookie");
  const [id, token] = decodeURIComponent(cookie.value).split(".");
  return { id, token };
}

function sendTurn(app: App, conversation: Conversation, text: string, clientMessageId: string) {
  return fetch(`${app.baseUrl}/api/conversations/${conversation.id}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${conversation.token}`, "content-type": "application/json" },
    body: JSON.stringify({ clientMessageId, text }),
  });
}

function pageErrors(page: TestPage, upTo = page.errors.length) {
  const errors = page.errors.slice(0, upTo);
  if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join("\n")}`);
}

describe("two instances on one PostgreSQL database", () => {
  it("hands a customer on instance A to Ana on instance B and back, live, then survives A being killed mid-conversation", async () => {
    await markAgentOnline(b, "ana@baton.local");
    const customer = await openPage(browser, a.baseUrl, "two instances customer");
    await customer.page.setViewportSize(PHONE);
    const ana = await openPage(browser, b.baseUrl, "two instances ana");
    await ana.page.setViewportSize(DESK);
    try {
      await signIn(ana.page, "ana@baton.local");
      await ana.page.goto("/inbox?queue=open");

      await customer.page.goto("/chat/store-support");
      await customer.page.getByText("I'm the Threads & Co. assistant").waitFor();
      await askForPerson(customer.page);
      const id = await conversationIdOf(customer.page);

      // The handoff reaches B's inbox live (no reload on B).
      await row(ana.page, id).waitFor({ timeout: 30_000 });
      await snap(ana.page);

      await ana.page.goto(`/inbox/${id}?queue=open`);
      await ana.page.getByRole("button", { name: "Claim", exact: true }).click();
      await ana.page.getByText("Assigned to you").waitFor();
      const reply = ana.page.getByRole("textbox", { name: "Reply" });
      await reply.fill("Hi, Ana here from instance B.");
      await reply.press("Enter");
      await ana.page.getByRole("log", { name: "Transcript" }).getByText("Ana here from instance B.").waitFor();

      // B's reply arrives live on A's chat page.
      await customer.page.locator(".chat-row--agent").getByText("Hi, Ana here from instance B.").waitFor({ timeout: 30_000 });
      await snap(customer.page);

      await ana.page.getByRole("button", { name: "More actions" }).click();
      await ana.page.getByRole("button", { name: "Hand back to the bot…" }).click();
      const handBack = ana.page.getByRole("dialog", { name: "Hand back to the bot" });
      await handBack.getByRole("radio", { name: "Detect intent (topic)" }).check();
      await handBack.getByRole("button", { name: "Hand back" }).click();
      await ana.page.getByText("Handed back to the bot.", { exact: true }).waitFor();
      await customer.page.getByText(HAND_BACK_LINE).waitFor({ timeout: 30_000 });
      await snap(customer.page);
      await snap(ana.page);

      // Crash A during a run of turns. What the page logs after the crash (its live stream
      // dropping) is expected; everything before it must be clean.
      const errorsBeforeCrash = customer.errors.length;
      const conversation = await chatCookie(customer.page);
      const ids = Array.from({ length: 12 }, (_, index) => `crash-${index + 1}`);
      const acknowledged: string[] = [];
      let crashed: Promise<void> | undefined;
      for (const [index, clientMessageId] of ids.entries()) {
        if (index === 4) crashed = a.kill(); // mid-run: the 5th turn races the kill
        try {
          const response = await sendTurn(a, conversation, `line ${index + 1}`, clientMessageId);
          if (response.status === 200) acknowledged.push(clientMessageId);
        } catch {
          // connection refused or reset: not acknowledged
        }
      }
      await crashed;
      expect(acknowledged.length).toBeGreaterThanOrEqual(4);
      expect(acknowledged.length).toBeLessThan(ids.length);
      for (const clientMessageId of acknowledged) {
        await expect(b.db.message.count({ where: { conversationId: id, clientMessageId } })).resolves.toBe(1);
      }
      // A real client retries what was not acknowledged, with the same id, on the surviving instance.
      for (const [index, clientMessageId] of ids.entries()) {
        if (acknowledged.includes(clientMessageId)) continue;
        expect((await sendTurn(b, conversation, `line ${index + 1}`, clientMessageId)).status).toBe(200);
      }
      for (const clientMessageId of ids) {
        await expect(b.db.message.count({ where: { conversationId: id, clientMessageId } })).resolves.toBe(1);
      }
      const stored = await b.db.message.findMany({ where: { conversationId: id }, orderBy: { seq: "asc" }, select: { seq: true } });
      expect(stored.map((message) => message.seq)).toEqual(stored.map((_, index) => index + 1));
      pageErrors(customer, errorsBeforeCrash);

      // The customer's chat continues on B: same browser, same cookie, B's address.
      const onB = await customer.context.newPage();
      await onB.setViewportSize(PHONE);
      await onB.goto(`${b.baseUrl}/chat/store-support`);
      await onB.getByText(HAND_BACK_LINE).waitFor();
      await onB.getByText("line 12", { exact: true }).waitFor();
      await say(onB, "I want to talk to a human");
      await onB.getByText("A person will reply in this chat").last().waitFor();
      await expect(conversationIdOf(onB)).resolves.toBe(id);
      await onB.screenshot({ path: path.join(repoRoot, "tests/e2e/screenshots/two-instances-customer-on-b.png") });
      await row(ana.page, id).or(ana.page.getByRole("log", { name: "Transcript" }).getByText("I want to talk to a human").last()).first().waitFor({ timeout: 30_000 });
      await snap(ana.page);
      pageErrors(ana);

      // B's inbox still updates live after the crash: A's replacement (a new process on the same
      // database) takes a new customer's handoff, and it appears in Ana's queue on B, no reload.
      restarted = await startApp(appOptions);
      await ana.page.goto("/inbox?queue=open");
      await ana.page.evaluate(() => Object.assign(window, { loadedBeforeTheHandoff: true }));
      const newcomer = await openPage(browser, restarted.baseUrl, "two instances newcomer");
      try {
        await newcomer.page.setViewportSize(PHONE);
        await newcomer.page.goto("/chat/store-support");
        await newcomer.page.getByText("I'm the Threads & Co. assistant").waitFor();
        await askForPerson(newcomer.page);
        await snap(newcomer.page);
        const newcomerId = await conversationIdOf(newcomer.page);
        expect(newcomerId).not.toBe(id);
        await row(ana.page, newcomerId).waitFor({ timeout: 30_000 });
        await expect(ana.page.evaluate(() => "loadedBeforeTheHandoff" in window)).resolves.toBe(true);
        await snap(ana.page);
        pageErrors(newcomer);
        pageErrors(ana);
      } finally {
        await newcomer.close();
      }
    } finally {
      await ana.close();
      await customer.close();
    }
  }, 300_000);
});
