import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

/** Counts the chimes and notifications the page makes, without changing what it does. */
const COUNT_ALERTS = () => {
  const w = window as unknown as { alerts: { chimes: number; notifications: string[] } };
  w.alerts = { chimes: 0, notifications: [] };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
    w.alerts.chimes++;
    return start.apply(this, args);
  };
  const Real = window.Notification;
  class Counted extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      w.alerts.notifications.push(`${title} / ${options?.body ?? ""}`);
    }
  }
  Object.defineProperty(window, "Notification", { value: Counted });
};

const firstEntry = (page: Page) => page.locator("[data-testid=wall] .attention-entry").first();
const bottomOf = async (page: Page, selector: string) => {
  const box = await page.locator(selector).boundingBox();
  return box ? box.y + box.height : Infinity;
};

describe("HQ overview and wall display on the seeded drill", () => {
  it("fits the top's screens: attention queue and every unit at 1920×1080, the queue at 1366×900, the full width at 3840×2160", async () => {
    const drill = `${inject("baseUrl")}/incidents/${inject("drillId")}`;
    const { context, page } = await signedIn(browser(), "hq", { width: 1366, height: 900 });
    for (const [width, height] of [
      [1366, 900],
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(drill);
      await page.locator("[data-testid=attention-queue][data-seq]").waitFor({ timeout: 20_000 });
      await expect.poll(() => page.locator("[data-testid=unit-grid] .unit-card").count(), { timeout: 10_000 }).toBe(20);
      // The tabs carry their counts.
      await page.getByTestId("tab-count-overview").waitFor();
      expect(await page.getByTestId("tab-count-checklists").textContent()).toMatch(/期限超過 \d+/);
      expect(await page.getByTestId("tab-count-relocation").textContent()).toMatch(/未確認 \d+/);
      const queueHead = await page.locator("#attention-h").boundingBox();
      expect(queueHead!.y + queueHead!.height).toBeLessThanOrEqual(height);
      if (width >= 1920) expect(await bottomOf(page, "[data-testid=unit-grid]")).toBeLessThanOrEqual(height);
      if (width === 3840) expect((await page.locator("[data-testid=hq-overview]").boundingBox())!.width).toBeGreaterThan(3500);
      await page.screenshot({ path: `${SCREENSHOTS}/overview-${width}x${height}.png` });
    }
    await context.close();
  });

  it("puts a tablet's urgent report at the top of the wall's queue at once, with sound and notification once enabled, and shows the hospital's lost power", async () => {
    const base = inject("baseUrl");
    const id = inject("drillId");
    const wall = await signedIn(browser(), "hq", { width: 1920, height: 1080 });
    await wall.context.grantPermissions(["notifications"], { origin: base });
    await wall.page.addInitScript(COUNT_ALERTS);
    await wall.page.goto(`${base}/wall/${id}`);
    await wall.page.locator("[data-testid=wall] [data-testid=attention-queue][data-seq]").waitFor({ timeout: 20_000 });
    // Sound and notifications stay off until a person turns them on.
    await wall.page.getByRole("button", { name: "音：オフ" }).click();
    await wall.page.getByRole("button", { name: "通知：オフ" }).click();
    await wall.page.getByRole("button", { name: "通知：オン" }).waitFor();
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-1920x1080.png` });

    const water = await signedIn(browser(), "water", { width: 820, height: 1180 });
    await water.page.goto(`${base}/incidents/${id}/relocation`);
    await water.page.getByRole("tab", { name: /連絡・報告/ }).click();
    await water.page.getByLabel("宛先").selectOption("hq");
    await water.page.getByLabel("至急").check();
    const report = "配水池の水位が急低下。応急給水の拠点を増やす判断を求めます。";
    await water.page.getByLabel("本文").fill(report);
    await water.page.getByRole("button", { name: "送信" }).click();

    // At the top at once (not after the acknowledgement time), marked 至急, whose and since when.
    await expect.poll(() => firstEntry(wall.page).textContent(), { timeout: 10_000 }).toContain(report);
    expect(await firstEntry(wall.page).getAttribute("data-rank")).toBe("0");
    expect(await firstEntry(wall.page).textContent()).toContain("対応：災害対策本部");
    await expect.poll(() => wall.page.evaluate(() => (window as unknown as { alerts: { chimes: number } }).alerts.chimes), { timeout: 5_000 }).toBeGreaterThan(0);
    const notes = await wall.page.evaluate(() => (window as unknown as { alerts: { notifications: string[] } }).alerts.notifications);
    expect(notes.some((n) => n.includes(report.slice(0, 10)))).toBe(true);
    expect(await wall.page.title()).toMatch(/^\(\d+・至急\d+\)/);

    // The hospital's tablet reports lost power: it joins the wall's queue too.
    const hospital = await signedIn(browser(), "hospital", { width: 820, height: 1180 });
    await hospital.page.goto(`${base}/incidents/${id}/drills`);
    const put = await hospital.page.evaluate(async (incidentId) => {
      const current = await (await fetch(`/api/incidents/${incidentId}/hospital-status`)).json();
      const r = await fetch(`/api/incidents/${incidentId}/hospital-status`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ version: current.status?.version ?? null, beds: {}, power: "none", waterSupply: "tank", generatorFuelHours: 10 }),
      });
      return r.status;
    }, id);
    expect(put).toBe(200);
    await wall.page.locator("[data-testid=wall] .attention-entry[data-key='hospital:power']").waitFor({ timeout: 10_000 });

    // The HQ acknowledges from the wall's own queue; the entry leaves it.
    const entry = wall.page.locator("[data-testid=wall] .attention-entry", { hasText: report });
    await entry.getByRole("button", { name: "受領確認" }).click();
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(0);
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-1920x1080-after.png` });
    for (const s of [wall, water, hospital]) await s.context.close();
  });
});
