import { chromium } from "playwright-core";
const [, , path = "/analytics", out = "/tmp/an/shot.png", email = "admin@baton.local", full = ""] = process.argv;
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const context = await browser.newContext({ baseURL: "http://127.0.0.1:3917", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("console:", m.type(), m.text()); });
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("baton-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname !== "/login");
  await page.goto(path);
  await page.waitForTimeout(800);
  await page.screenshot({ path: out, fullPage: full === "full" });
  await browser.close();
})();
