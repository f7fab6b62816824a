/**
 * The side panel's "Next steps" pickers with long step names (ids up to 64 characters, as an
 * imported file may have): a lead can still tell two steps apart whose names differ only at the
 * end, and the form keeps to the panel's width.
 */
import { describe, expect, it } from "vitest";
import { card, fitView, openStarterCopy, selectCard } from "./builder-helpers";
import { snap, useE2E } from "./harness";

const e2e = useE2E();

// Two ids that differ only in their last word, both at the 64-character limit.
const LOOKED_UP = "tell-the-customer-what-the-carrier-said-about-the-parcel-arrived";
const MISSING = "tell-the-customer-what-the-carrier-said-about-the-parcel-missing";

type Draft = { nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string }> };

describe("next-step pickers", () => {
  it("show a long step name in full under the select, and keep the form inside the side panel", async () => {
    const { page, app } = e2e;
    expect([LOOKED_UP.length, MISSING.length]).toEqual([64, 64]);
    const flowId = await openStarterCopy(page, "Long step names");
    // Renamed the way an imported file names them: in the stored draft, then the builder reloaded.
    const { draft } = await app.db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draft: true } });
    const renames = new Map([
      ["order-update", LOOKED_UP],
      ["missing-parcel", MISSING],
    ]);
    const stored = JSON.parse(draft) as Draft;
    for (const node of stored.nodes) node.id = renames.get(node.id) ?? node.id;
    for (const edge of stored.edges) {
      edge.source = renames.get(edge.source) ?? edge.source;
      edge.target = renames.get(edge.target) ?? edge.target;
    }
    await app.db.flow.update({ where: { id: flowId }, data: { draft: JSON.stringify(stored) } });
    await page.reload();
    // The flow opens on its first steps; "is-delivered" is further along.
    await card(page, "start").waitFor();
    await fitView(page);
    await card(page, "is-delivered").waitFor();
    await selectCard(page, "is-delivered");

    const pickers = page.getByRole("group", { name: "Next steps" });
    await pickers.waitFor();
    const rows = pickers.locator(".next-steps__row");
    await expect(rows.count()).resolves.toBe(2);
    const names = await rows.locator(".next-steps__full-name").allInnerTexts();
    expect(names.sort()).toEqual([`Hand off to a team (${MISSING})`, `Send a message (${LOOKED_UP})`].sort());
    for (const row of await rows.all()) {
      const select = row.getByRole("combobox");
      const name = await row.locator(".next-steps__full-name").innerText();
      // Hovering the select tells the whole name too.
      await expect(select.getAttribute("title")).resolves.toBe(name);
    }

    // Nothing sticks out of the panel or hides under it: the selects, the buttons and the full names (wrapped, not clipped).
    const panel = (await page.locator(".builder-panel").boundingBox())!;
    for (const part of await pickers.locator("select, button, .next-steps__full-name").all()) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    }
    for (const line of await pickers.locator(".next-steps__full-name").all()) {
      await expect(line.evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
    }
    await snap(page);

    // A name the select shows whole ("End conversation (done)") gets no second line: measured in the select's own font.
    await selectCard(page, LOOKED_UP);
    const short = page.getByRole("group", { name: "Next steps" }).locator(".next-steps__row").first();
    await expect(short.locator(".next-steps__full-name").count()).resolves.toBe(0);
    const fits = await short.getByRole("combobox").evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: select.selectedOptions[0].text, width: context.measureText(select.selectedOptions[0].text).width, room };
    });
    expect(fits.text).toBe("End conversation (done)");
    expect(fits.width).toBeLessThanOrEqual(fits.room);
    await snap(page);

    // The select narrows without the name changing (the panel squeezed, as a scrollbar or a late
    // font would): the row measures again and writes the name out; widened, the line goes.
    const body = page.locator(".builder-body");
    await body.evaluate((element: HTMLElement) => (element.style.gridTemplateColumns = "216px minmax(0, 1fr) 260px"));
    await short.locator(".next-steps__full-name").waitFor();
    await short.scrollIntoViewIfNeeded();
    await expect(short.locator(".next-steps__full-name").innerText()).resolves.toBe("End conversation (done)");
    await snap(page);
    await body.evaluate((element: HTMLElement) => element.style.removeProperty("grid-template-columns"));
    await short.locator(".next-steps__full-name").waitFor({ state: "detached" });
  });
});
