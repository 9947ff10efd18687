import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

const unitCard = (page: Page, name: string) => page.locator("section.cl-unit", { has: page.getByRole("heading", { name }) });

/** Opens a unit's card if it is folded. */
async function expand(page: Page, name: string) {
  const toggle = unitCard(page, name).locator("button.cl-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

describe("BCP checklists on the seeded drill", () => {
  it("activates the six-element checklist for the HQ and the water department, ticks live across two browsers, puts overdue first, exports CSV and prints", async () => {
    const base = inject("baseUrl");
    const tab = `${base}/incidents/${inject("drillId")}/checklists`;
    const hq = await signedIn(browser(), "hq");
    const water = await signedIn(browser(), "water", { width: 1024, height: 1300 });

    await hq.page.goto(tab);
    await hq.page.getByRole("checkbox", { name: /災害対策本部/ }).check();
    await hq.page.getByRole("checkbox", { name: /上下水道部/ }).first().check();
    // Only the six-element template this time.
    for (const box of await hq.page.getByRole("group", { name: /発動するテンプレート/ }).getByRole("checkbox").all()) {
      const label = (await box.evaluate((el) => el.closest("label")?.textContent ?? "")) as string;
      if (label.includes("重要6要素")) await box.check();
      else await box.uncheck();
    }
    await hq.page.getByRole("button", { name: "選んだ部署のチェックリストを発動" }).click();
    // 29 items for the HQ, 21 for the water department: the HQ's own items (succession, call-in …) are not copied to other units.
    await hq.page.getByText("50項目を発動しました。").first().waitFor({ state: "attached" });

    await water.page.goto(tab);
    const waterOnHq = unitCard(hq.page, "上下水道部");
    const waterOnWater = unitCard(water.page, "上下水道部");
    await waterOnWater.waitFor();
    await expand(water.page, "上下水道部");
    await expand(hq.page, "上下水道部");

    // The onset was 90 minutes ago: the HQ's items due within the first hour are overdue and lead its list.
    await expand(hq.page, "災害対策本部");
    await expect(unitCard(hq.page, "災害対策本部").locator("li[data-item]").first().textContent()).resolves.toContain("期限超過");
    // The water department has none of the HQ's own items, so nothing of its list is due yet.
    const firstRow = waterOnWater.locator("li[data-item]").first();
    await expect(firstRow.textContent()).resolves.not.toContain("期限超過");

    // A tick on the tablet appears on the HQ's screen, and the other way round.
    const itemId = await firstRow.getAttribute("data-item");
    await firstRow.getByRole("button", { name: "完了" }).click();
    await expect
      .poll(() => waterOnHq.locator(`li[data-item="${itemId}"]`).textContent(), { timeout: 10_000 })
      .toContain("完了");
    const second = waterOnHq.locator("li[data-item]").first();
    const secondId = await second.getAttribute("data-item");
    await second.getByRole("button", { name: "完了" }).click();
    await expect
      .poll(() => waterOnWater.locator(`li[data-item="${secondId}"]`).textContent(), { timeout: 10_000 })
      .toContain("完了");
    await water.page.screenshot({ path: `${SCREENSHOTS}/checklists-water.png`, fullPage: true });

    // CSV opens in Excel as Japanese: UTF-8 with a byte-order mark.
    const [download] = await Promise.all([hq.page.waitForEvent("download"), hq.page.getByRole("link", { name: /CSV/ }).first().click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("上下水道部");

    // The A4 print view names the time and sequence number it shows.
    await hq.page.getByRole("link", { name: "印刷用表示" }).click();
    await hq.page.getByText("BCPチェックリスト 状況一覧").waitFor();
    await expect(hq.page.locator("main").textContent()).resolves.toMatch(/JST 時点・更新番号 \d+/);
    await hq.page.emulateMedia({ media: "print" });
    await hq.page.screenshot({ path: `${SCREENSHOTS}/checklists-print.png`, fullPage: true });
    await hq.context.close();
    await water.context.close();
  }, 120_000);
});
