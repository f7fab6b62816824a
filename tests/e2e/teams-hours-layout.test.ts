/**
 * The Teams page's business-hours form lines up on one grid: every day's checkbox, time inputs,
 * "Add opening" and "Remove" sit in the same columns and on the same line as their day, and the
 * form's controls share their edges — at 1280 px and at a narrow width, where nothing may stick
 * out of the card.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, useE2E } from "./harness";

const e2e = useE2E();

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not visible: ${locator}`);
  return found;
}

const middle = (of: Box) => of.y + of.height / 2;
const right = (of: Box) => of.x + of.width;

/** Values equal within half a pixel (sub-pixel layout), as one list so a failure shows them all. */
function expectSame(values: number[], what: string) {
  const spread = Math.max(...values) - Math.min(...values);
  expect(spread, `${what}: ${values.map((value) => value.toFixed(1)).join(", ")}`).toBeLessThanOrEqual(0.5);
}

async function openSupportHours(page: Page) {
  await signIn(page, "admin@baton.local");
  await page.goto("/teams");
  const card = page.getByRole("region", { name: "Business hours" });
  await card.locator("summary", { hasText: "Support" }).click();
  const form = page.getByRole("form", { name: "Business hours of Support" });
  const alwaysOpen = form.getByLabel("Always open (24/7)");
  if (await alwaysOpen.isChecked()) await alwaysOpen.uncheck();
  // Two openings on Tuesday: a day with a "Remove" column and a second line.
  await form.getByRole("button", { name: "Add opening on Tuesday" }).click();
  await form.getByLabel("Tuesday, opening 2, opens at").waitFor();
  return { card, form };
}

async function expectAligned(page: Page, name: string) {
  const { card, form } = await openSupportHours(page);
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/teams-hours-grid-${name}.png`, fullPage: true });
  const days = await form.locator(".team-hours__day").all();
  expect(days.length).toBe(7);
  const rows = await Promise.all(
    days.map(async (day) => ({
      checkbox: await box(day.locator(":scope > .checkbox")),
      from: await box(day.locator(".team-hours__time").first()),
      to: await box(day.locator(".team-hours__time").nth(1)),
      add: await box(day.locator(".team-hours__add")),
    })),
  );
  // Columns: every day's checkbox, opening time, closing time and "Add opening" start at the same x.
  for (const part of ["checkbox", "from", "to", "add"] as const) expectSame(rows.map((row) => row[part].x), `${name}: ${part} left edges`);
  // Lines: each day's first opening and its "Add opening" share a middle, and so does the day's
  // name when it stands beside them (narrow, it stands above them, over the opening's column).
  for (const [index, row] of rows.entries()) {
    const beside = right(row.checkbox) <= row.from.x;
    expectSame([...(beside ? [middle(row.checkbox)] : []), middle(row.from), middle(row.to), middle(row.add)], `${name}: day ${index + 1} middles`);
    if (!beside) {
      expect(row.checkbox.y + row.checkbox.height, `${name}: day ${index + 1} name above its opening`).toBeLessThanOrEqual(row.from.y);
      expectSame([row.checkbox.x, row.from.x], `${name}: day ${index + 1} name over its opening`);
    }
  }
  // Tuesday's second opening lines up under its first, and its "Remove" buttons under each other.
  const tuesday = form.getByRole("group", { name: "Tuesday hours" });
  const times = await Promise.all((await tuesday.locator(".team-hours__time").all()).map(box));
  expectSame([times[0].x, times[2].x], `${name}: Tuesday's opening times`);
  const removes = await Promise.all((await tuesday.getByRole("button", { name: /^Remove Tuesday opening/ }).all()).map(box));
  expect(removes.length).toBe(2);
  expectSame(removes.map((of) => of.x), `${name}: Tuesday's Remove buttons`);
  expectSame([middle(removes[0]), middle(times[0])], `${name}: Tuesday's first Remove on its line`);

  // The form's controls share one left edge; the two columns' fields start level.
  const timeZone = await box(form.getByLabel("Time zone"));
  const holidays = await box(form.getByLabel("Closed dates (one per line)"));
  const email = await box(form.getByLabel("Email offer when no one can answer"));
  const save = await box(form.getByRole("button", { name: "Save hours of Support" }));
  expectSame([timeZone.x, holidays.x, rows[0].checkbox.x, save.x], `${name}: left edges`);
  if (email.x > holidays.x) expectSame([holidays.y, email.y], `${name}: closed dates and email offer tops`);
  const always = await box(form.getByText("Always open (24/7)"));
  if (always.x > timeZone.x) expectSame([middle(always), middle(timeZone)], `${name}: "Always open" on the time zone's line`);

  // Nothing sticks out of the card.
  const cardBox = await box(card);
  for (const control of await form.locator("input:visible, textarea, button").all()) {
    const of = await box(control);
    expect(right(of), `${name}: ${await control.getAttribute("aria-label") ?? await control.getAttribute("name")} inside the card`).toBeLessThanOrEqual(right(cardBox) + 0.5);
  }
}

describe("business-hours form layout", () => {
  it("lines up on one grid at 1280 px", async () => {
    await e2e.page.setViewportSize({ width: 1280, height: 900 });
    await expectAligned(e2e.page, "1280");
  });

  it("lines up on one grid at a narrow width", async () => {
    await e2e.page.setViewportSize({ width: 600, height: 900 });
    await expectAligned(e2e.page, "600");
  });
});
