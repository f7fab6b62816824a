/**
 * Browser-test harness: the PRODUCTION build served by the app's server on a fresh, migrated, seeded
 * SQLite database, driven by Debian's Chromium through playwright-core.
 *
 *   const e2e = useE2E();                       // in a test file: one server + browser per file
 *   it("…", async () => {
 *     await signIn(e2e.page, "admin@baton.local");
 *     await e2e.goto("/teams");                 // e2e.page is a fresh browser context per test
 *   });
 *
 * Every page the test visits is screenshotted to tests/e2e/screenshots/<test-name>-<n>.png
 * (call `snap(page)` for states without a navigation, e.g. a form error), for a person to look
 * at; E2E_SCREENSHOTS=off skips them (CI: they assert nothing and cost ~40 % of the e2e time). A test FAILS when the
 * page logs a console error or throws an uncaught error; "Failed to load resource … 4xx" lines are
 * allowed because they are expected answers (a 400 form error, a 403 page) the test asserts on.
 *
 * Lower-level pieces for other set-ups: startApp(), openBrowser(), connectBrowser(), openPage().
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { chromium, type Browser, type BrowserContext, type Download, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { repoRoot, tmpDir } from "../setup/migrate";
import { pointDemoApiAt } from "../support/e2e-templates";
import { freePort, serverArgs } from "../support/built-server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium";
import { SERVER_BUNDLE } from "../support/private-build";

export const DEMO_PASSWORD = "baton-demo";
export const SCREENSHOT_DIR = path.join(repoRoot, "tests/e2e/screenshots");

export { CHROMIUM_ARGS };

export type App = {
  baseUrl: string;
  /** A Prisma client on the app's database, for arranging data and checking what a test did. */
  db: PrismaClient;
  /** The server's stdout + stderr so far (for failure messages). */
  output: () => string;
  /**
   * Stops the server and throws its data away. SIGTERM (the default) is the graceful shutdown,
   * which waits up to 2 s for live event streams; SIGKILL, for a file that is done with the app,
   * does not wait.
   */
  stop: (signal?: "SIGTERM" | "SIGKILL") => Promise<void>;
  /** SIGKILL, as a crashed machine: no graceful shutdown. */
  kill: () => Promise<void>;
};

export type StartAppOptions = {
  /**
   * A PostgreSQL database the caller already migrated and seeded (app/cli/prepare-database.ts),
   * shared by several instances; without it each app gets its own fresh SQLite file.
   */
  databaseUrl?: string;
  env?: Record<string, string>;
  seed?: boolean;
  /** Also seed the generated demo history (~420 past conversations); off by default so other tests' queues and estimates start empty. */
  demoHistory?: boolean;
};

/**
 * Starts the built app (the run's private copy of the build, tests/support/private-build.ts) on a
 * free port with its own data folder and database, seeded with the demo workspace.
 */
export async function startApp(options: StartAppOptions = {}): Promise<App> {
  const dir = path.join(tmpDir, `e2e-${process.pid}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  const build = inject("e2eBuild");
  const shared = options.databaseUrl;
  const databaseFile = path.join(dir, "baton.db");
  // Chosen before the database: the starter flows' demo API calls go to the app's own port.
  const port = await freePort();
  const seeded = !shared && options.seed !== false;
  if (!shared) {
    const templates = inject("e2eTemplates");
    fs.copyFileSync(seeded ? (options.demoHistory ? templates.demoHistory : templates.demo) : templates.empty, databaseFile);
  }
  const databaseUrl = shared ?? `file:${databaseFile}`;
  const db = shared ? await postgresClient(shared) : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  if (seeded) await pointDemoApiAt(db, port);

  const child = spawn(process.execPath, serverArgs(path.join(build, SERVER_BUNDLE)), {
    // The server serves public/ from its working folder.
    cwd: build,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      BATON_DATA_DIR: dir,
      BATON_FLOWS_DIR: path.join(repoRoot, "flows"),
      BATON_KB_DIR: path.join(repoRoot, "app/workspace/knowledge-base"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      // The server cuts live event streams 2 s after SIGTERM; kill it if it still hangs at 3 s.
      const killer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(killer);
    }
    await exited;
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  try {
    await waitUntilAnswering(
      baseUrl,
      () => child.exitCode !== null,
      () => output
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, db, output: () => output, stop, kill };
}

async function waitUntilAnswering(baseUrl: string, hasExited: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited()) throw new Error(`the app exited while starting:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/login`, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not answer within 30 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Prisma client on a shared PostgreSQL database; loaded only then (it, pg and the adapter take ~0.5 s to import). */
async function postgresClient(databaseUrl: string): Promise<PrismaClient> {
  const [{ PrismaClient: PostgresPrismaClient }, { PrismaPg }, { createPostgresPool }] = await Promise.all([
    import("~/generated/prisma-postgres/client"),
    import("@prisma/adapter-pg"),
    import("~/utils/postgres-pool.server"),
  ]);
  return new PostgresPrismaClient({ adapter: new PrismaPg(createPostgresPool(databaseUrl)) }) as unknown as PrismaClient;
}

/** A Chromium of the caller's own; `close()` ends it. */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The run's Chromium (launched once by tests/setup/e2e-global.ts). `close()` closes the contexts
 * this connection opened and disconnects; the browser stays up for the other files.
 */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject("e2eBrowser"));
}

/**
 * A finished download's contents. Read through Playwright, not from `download.path()`, which
 * throws on a connected browser such as the run's Chromium (connectBrowser).
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export type TestPage = {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close: () => Promise<void>;
};

const shotCounters = new WeakMap<Page, { name: string; count: number; pending: Promise<unknown> }>();

/** A fresh browser context (no cookies) whose pages are screenshotted and watched for errors. */
export async function openPage(browser: Browser, baseUrl: string, testName: string): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    errors.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  shotCounters.set(page, { name: slug(testName), count: 0, pending: Promise.resolve() });
  // One shot per page visited: a redirect or a form post can report the same URL several times in a row.
  let last = { url: "", at: 0 };
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const now = Date.now();
    if (frame.url() === last.url && now - last.at < 1_000) return;
    last = { url: frame.url(), at: now };
    void snap(page);
  });
  return {
    page,
    context,
    errors,
    close: async () => {
      await shotCounters.get(page)?.pending;
      await context.close();
    },
  };
}

/**
 * Saves a screenshot of what the user sees now (the viewport at its current scroll position, after
 * the current navigation has loaded). Not full-page: the shell's sidebar is sticky, and a full-page
 * capture would paint it mid-page.
 */
export function snap(page: Page): Promise<unknown> {
  const state = shotCounters.get(page);
  if (!state || process.env.E2E_SCREENSHOTS === "off") return Promise.resolve();
  state.pending = state.pending.then(async () => {
    try {
      // Bounded waits: a screenshot must never hold a test up (Playwright's default is 30 s).
      await page.waitForLoadState("load", { timeout: 5_000 });
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      state.count += 1;
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${state.name}-${state.count}.png`), timeout: 5_000 });
    } catch {
      // The page navigated again or closed mid-shot: the next navigation takes its own.
    }
  });
  return state.pending;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-|-$/g, "");
}

/**
 * Signs in through the real form and waits until the app has left /login.
 * `password` defaults to the demo password.
 */
/**
 * Makes an agent count as online (a session used just now), so a handoff notice promises the
 * team's usual wait instead of saying nobody is online — as when the agent has the inbox open.
 */
export async function markAgentOnline(app: App, email: string): Promise<void> {
  const user = await app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await app.db.session.create({ data: { id: randomBytes(32).toString("hex"), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export type E2E = {
  app: App;
  browser: Browser;
  page: Page;
  context: BrowserContext;
  /** page.goto relative to the app, returning the document response. */
  goto: (pathname: string) => ReturnType<Page["goto"]>;
};

/**
 * Registers the hooks of a browser test file: the app for the whole file, a connection to the
 * run's Chromium, a fresh context per test, and the console-error check after each test.
 */
export function useE2E(options: StartAppOptions = {}): E2E {
  const e2e = {} as E2E;
  let current: TestPage | undefined;
  beforeAll(async () => {
    // Connecting takes a fraction of a second: done while the app starts.
    const connecting = connectBrowser().then((browser) => (e2e.browser = browser));
    e2e.app = await startApp(options);
    await connecting;
  });
  afterAll(async () => {
    await e2e.browser?.close();
    // The app's database is thrown away: nothing is left for a graceful shutdown to finish.
    await e2e.app?.stop("SIGKILL");
  });
  beforeEach(async (context) => {
    current = await openPage(e2e.browser, e2e.app.baseUrl, context.task.name);
    e2e.page = current.page;
    e2e.context = current.context;
    e2e.goto = (pathname) => current!.page.goto(pathname);
  });
  afterEach(async () => {
    const finished = current;
    current = undefined;
    if (!finished) return;
    await snap(finished.page);
    await finished.close();
    // The server's log says why a request failed (a 500 reaches the page as one console line).
    if (finished.errors.length > 0) throw new Error(`the page reported errors:\n${finished.errors.join("\n")}\nthe server's log ends with:\n${e2e.app.output().slice(-4_000)}`);
  });
  return e2e;
}
