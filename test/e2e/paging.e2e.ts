import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

describe("a list longer than one page", () => {
  it("shows the newest page of the hospital's report history, says plainly that older reports are not shown, and reads them on さらに表示", async () => {
    const base = inject("baseUrl");
    const hospital = await signedIn(browser(), "hospital", { width: 820, height: 1180 });
    const page = hospital.page;
    // An incident of its own, and more status reports than the history's first page holds (50).
    const reports = 53;
    const incidentId = await page.evaluate(async (n) => {
      const write = async (method: string, path: string, body: unknown) => {
        const r = await fetch(path, { method, headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify(body) });
        if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
        return (await r.json()) as { data: { id: string; version: number } };
      };
      const incident = await write("POST", "/api/incidents", { title: "病院停電訓練", kind: "drill", hazard: "earthquake", onsetAt: "2026-11-24T09:00:00+09:00" });
      let version: number | null = null;
      for (let i = 0; i < n; i++) {
        const done = await write("PUT", `/api/incidents/${incident.data.id}/hospital-status`, { version, beds: {}, power: "generator", waterSupply: "tank", generatorFuelHours: 72 - i });
        version = done.data.version;
      }
      return incident.data.id;
    }, reports);

    await page.goto(`${base}/incidents/${incidentId}/drills`);
    await page.getByRole("button", { name: "報告の履歴" }).click();
    const rows = page.locator("table", { has: page.locator("caption", { hasText: "報告の履歴" }) }).locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(50);
    const notice = page.locator(".cut-notice");
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("最新の50件のみ表示しています");
    // The newest report (fuel 72 − 52 = 20 hours) leads.
    const fuel = (row: ReturnType<typeof rows.first>) => row.locator("td").nth(3).textContent();
    expect(await fuel(rows.first())).toBe("20");
    await page.screenshot({ path: `${SCREENSHOTS}/paging-hospital-history-cut-820.png`, fullPage: true });
    await notice.screenshot({ path: `${SCREENSHOTS}/paging-cut-notice-820.png` });

    await notice.getByRole("button", { name: "さらに表示" }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(reports);
    await expect.poll(() => notice.count()).toBe(0);
    // The oldest (72 hours) is now the last row.
    expect(await fuel(rows.last())).toBe("72");

    // The same notice in English.
    await page.getByRole("button", { name: "報告の履歴" }).click();
    await page.evaluate(() => localStorage.setItem("keizoku.lang", "en"));
    await page.reload();
    await page.getByRole("button", { name: "Report history" }).click();
    await expect.poll(() => page.locator(".cut-notice").textContent(), { timeout: 10_000 }).toContain("Only the newest 50 are shown");
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({ path: `${SCREENSHOTS}/paging-hospital-history-cut-1280-en.png`, fullPage: true });
    await page.locator(".cut-notice").screenshot({ path: `${SCREENSHOTS}/paging-cut-notice-1280-en.png` });
    await hospital.context.close();
  });
});
